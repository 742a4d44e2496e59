# METADATA
# title: Resource-based policy statement has no Principal
# description: |
#   A statement of a resource-based policy (key, bucket, queue, topic, repository, secret,
#   domain or role trust policy) names neither Principal nor NotPrincipal. AWS rejects such a
#   policy, or, where the statement was meant as an identity policy pasted into a resource
#   policy, it does not say who gets the access at all.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
# custom:
#   id: PAL-AWS-IAM-023
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_kms_key
#     - aws_kms_key_policy
#     - aws_s3_bucket
#     - aws_s3_bucket_policy
#     - aws_sqs_queue
#     - aws_sqs_queue_policy
#     - aws_sns_topic
#     - aws_sns_topic_policy
#     - aws_ecr_repository_policy
#     - aws_secretsmanager_secret
#     - aws_secretsmanager_secret_policy
#     - aws_glue_resource_policy
#     - aws_iam_role
#     - aws_elasticsearch_domain
#     - aws_elasticsearch_domain_policy
#     - aws_opensearch_domain
#     - aws_opensearch_domain_policy
#     - aws_efs_file_system_policy
#     - aws_backup_vault_policy
#     - aws_cloudwatch_log_resource_policy
#     - aws_api_gateway_rest_api
#     - aws_api_gateway_rest_api_policy
#   frameworks: {}
#   references:
#     kics: bbe3dd3d-fea9-4b68-a785-cfabe2bbbc54
#   remediation: Name who the statement applies to with Principal (or NotPrincipal).
#   fixable: false
package palisade.aws.iam.resource_policy_without_principal

import data.palisade.lib.iam
import data.palisade.lib.result

# Where each resource type keeps its resource-based policy.
policy_attributes := {
	"aws_kms_key": "policy",
	"aws_kms_key_policy": "policy",
	"aws_s3_bucket": "policy",
	"aws_s3_bucket_policy": "policy",
	"aws_sqs_queue": "policy",
	"aws_sqs_queue_policy": "policy",
	"aws_sns_topic": "policy",
	"aws_sns_topic_policy": "policy",
	"aws_ecr_repository_policy": "policy",
	"aws_secretsmanager_secret": "policy",
	"aws_secretsmanager_secret_policy": "policy",
	"aws_glue_resource_policy": "policy",
	"aws_iam_role": "assume_role_policy",
	"aws_elasticsearch_domain": "access_policies",
	"aws_elasticsearch_domain_policy": "access_policies",
	"aws_opensearch_domain": "access_policies",
	"aws_opensearch_domain_policy": "access_policies",
	"aws_efs_file_system_policy": "policy",
	"aws_backup_vault_policy": "policy",
	"aws_cloudwatch_log_resource_policy": "policy_document",
	"aws_api_gateway_rest_api": "policy",
	"aws_api_gateway_rest_api_policy": "policy",
}

deny contains result.with_related(result.fail(r, [attribute], msg), related) if {
	some r in input.resources
	attribute := policy_attributes[r.type]
	paths := [array.concat([attribute], entry.path) |
		some entry in iam.statements(r.config[attribute])
		not has_principal(entry.statement)
	]
	count(paths) > 0
	msg := sprintf("%s has a policy statement without a Principal", [r.address])
	related := [result.related(r, path, "names no Principal or NotPrincipal") | some path in paths]
}

# Present in any form (an unknown principal is still a principal).
has_principal(s) if s.Principal != null

has_principal(s) if s.NotPrincipal != null

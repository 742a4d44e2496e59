# METADATA
# title: ECR Public repository policy lets anyone push or change the repository
# description: |
#   Everyone can already pull from an ECR Public repository; its repository policy only grants the
#   rest — pushing images (ecr-public:PutImage, InitiateLayerUpload, UploadLayerPart,
#   CompleteLayerUpload), deleting them, changing the repository's catalog data or policy. An Allow
#   statement whose principal is "*" (or {"AWS": "*"}, or an Allow with NotPrincipal), that no
#   condition scopes to an organization or account, and whose actions go beyond describing the
#   repository lets any AWS account replace the images that every consumer of the public
#   repository pulls. Statements that only describe or list (Describe*, Get*, List*,
#   BatchCheckLayerAvailability) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policies.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policy-examples.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecrpublic_repository_policy
# custom:
#   id: PAL-AWS-ECR-023
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_ecrpublic_repository_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles that publish to the repository; pulling needs no policy statement.
#   fixable: false
#   allow_unknown: true
package palisade.aws.ecr.public_repository_policy_open_write

# No fix: the publishers are not in the configuration, and no principal the author named is
# removed. One finding per document, on policy; each open statement that writes is related.

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_ecrpublic_repository_policy")
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
		writes(e.statement)
	]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [action_label(e.statement) | some e in entries])])
}

# writes(s): some action is not a read-only one (a wildcard such as "ecr-public:*" or "*" is not;
# an unknown action is not counted), or the statement grants through NotAction.
writes(s) if {
	some a in iam.actions(s)
	is_string(a)
	not contains(a, "<unknown>")
	not read_only(a)
}

writes(s) if count(iam.not_actions(s)) > 0

read_only(a) if {
	is_string(a)
	action := lower(a)
	some prefix in ["ecr-public:describe", "ecr-public:get", "ecr-public:list"]
	startswith(action, prefix)
}

read_only(a) if {
	is_string(a)
	lower(a) == "ecr-public:batchchecklayeravailability"
}

action_label(s) := resource_policy.action_labels(s) if count(iam.actions(s)) > 0

else := "every action but those NotAction names"

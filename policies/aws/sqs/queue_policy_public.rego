# METADATA
# title: SQS queue policy allows anyone
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) and that no condition scopes to an
#   organization, account, source ARN or VPC endpoint lets any AWS account send, read or delete the
#   queue's messages (an IP-address condition alone does not say who calls).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: PAL-AWS-SQS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue, "module:terraform-aws-modules/sqs/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_168
#     kics: [730675f9-52ed-49b6-8ead-0acb5dd7df7f, abb06e5f-ef9a-4a99-98c6-376d396bfcdf]
#   cwe: ["CWE-732"]
#   remediation: Name the principals, or restrict with conditions such as aws:SourceArn for service publishers.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sqs.queue_policy_public

import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result

# One finding per policy, on the policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# Opaque terraform-aws-modules/sqs calls build the queue policy, with create_queue_policy = true
# (default false), from queue_policy_statements: an unconditional statement open to "*" is public.
deny contains result.with_related(result.fail(m, ["queue_policy_statements"], msg), related) if {
	some m in modules.sqs_queues
	m.config.create_queue_policy == true
	entries := [e |
		some e in modules.statement_entries(m.config.queue_policy_statements)
		iam.is_allow(e.statement)
		iam.principal_is_public(e.statement)
	]
	count(entries) > 0
	related := [result.related(m, array.concat(["queue_policy_statements"], array.concat(e.path, ["principals"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [m.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

policy_holders := [r | some r in input.resources; r.type in {"aws_sqs_queue_policy", "aws_sqs_queue"}]

# METADATA
# title: SNS topic policy allows anyone
# description: |
#   A topic policy statement allows actions to the principal "*" and no condition scopes it to an
#   organization, account, source ARN or VPC endpoint, so anyone can publish to the topic (spamming
#   or spoofing notifications) or subscribe endpoints to receive its messages.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
# custom:
#   id: PAL-AWS-SNS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_sns_topic_policy, aws_sns_topic, "module:terraform-aws-modules/sns/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_169
#     kics: b26d2b7e-60f6-413d-a3a1-a57db24aa2b3
#   cwe: ["CWE-732"]
#   remediation: Name the principals, or restrict with conditions such as aws:SourceArn or aws:SourceAccount.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sns.topic_policy_public

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

# Opaque terraform-aws-modules/sns calls (v5 on) build the topic policy, with create_topic_policy
# left true, from a default statement (the account's principals, conditioned on the source owner)
# and topic_policy_statements: an unconditional statement open to "*" is public.
deny contains result.with_related(result.fail(m, ["topic_policy_statements"], msg), related) if {
	some m in modules.sns_topics
	object.get(m.config, "create_topic_policy", true) == true
	entries := [e |
		some e in modules.statement_entries(m.config.topic_policy_statements)
		iam.is_allow(e.statement)
		iam.principal_is_public(e.statement)
	]
	count(entries) > 0
	related := [result.related(m, array.concat(["topic_policy_statements"], array.concat(e.path, ["principals"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [m.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

policy_holders := [r | some r in input.resources; r.type in {"aws_sns_topic_policy", "aws_sns_topic"}]

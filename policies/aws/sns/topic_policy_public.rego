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
#   resource_types: [aws_sns_topic_policy, aws_sns_topic]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_169
#   cwe: ["CWE-732"]
#   remediation: Name the principals, or restrict with conditions such as aws:SourceArn or aws:SourceAccount.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sns.topic_policy_public

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

policy_holders := [r | some r in input.resources; r.type in {"aws_sns_topic_policy", "aws_sns_topic"}]

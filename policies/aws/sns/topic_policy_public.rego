# METADATA
# title: SNS topic policy allows anyone
# description: |
#   A topic policy statement allows actions to the principal "*" without conditions, so anyone can
#   publish to the topic (spamming or spoofing notifications) or subscribe endpoints to receive
#   its messages.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
# custom:
#   id: PAL-AWS-SNS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_sns_topic_policy]
#   frameworks: {}
#   references: {}
#   remediation: Name the principals, or restrict with conditions such as aws:SourceArn or aws:SourceAccount.
#   fixable: false
package palisade.aws.sns.topic_policy_public

import data.palisade.lib.iam
import data.palisade.lib.result

types := {"aws_sns_topic_policy"}

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	r.type in types
	some entry in iam.public_statements(r.config.policy)
	path := array.concat(["policy"], array.concat(entry.path, ["Principal"]))
	msg := sprintf("the policy of %s grants access to anyone", [r.address])
}

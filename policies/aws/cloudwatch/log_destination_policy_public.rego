# METADATA
# title: CloudWatch Logs destination policy allows any account
# description: |
#   A log destination's access policy decides which accounts may subscribe their log groups to it
#   (logs:PutSubscriptionFilter). An Allow statement for principal "*" (or {"AWS": "*"}) that no
#   condition scopes to an organization or account lets every AWS account stream its logs into the
#   destination's Kinesis stream or Firehose: data your consumers trust arrives from strangers, and
#   you pay for it. Name the sender accounts, or add aws:PrincipalOrgID for an organization.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CreateDestination.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-011
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_destination_policy]
#   frameworks: {}
#   references:
#     kics: db0ec4c4-852c-46a2-b4f3-7ec13cdb12a8
#   cwe: ["CWE-732"]
#   remediation: Name the sender accounts as principals, or scope the statement with aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.cloudwatch.log_destination_policy_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per policy, on the access_policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["access_policy"], msg), related) if {
	some r in tf.resources("aws_cloudwatch_log_destination_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.access_policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["access_policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the access policy of %s allows %s to any account", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# METADATA
# title: CloudWatch Logs resource policy allows any principal
# description: |
#   An account's CloudWatch Logs resource policies let AWS services deliver logs into its log
#   groups: PutResourcePolicy supports only logs:CreateLogStream and logs:PutLogEvents, and the
#   policy is enforced only for calls made by AWS service principals (IAM users and roles of other
#   accounts are not let in by it). An Allow statement for principal "*" (or {"AWS": "*"}) that no
#   condition scopes to an account, organization or source ARN lets every delivering service write
#   into the log groups it names, whichever account set the delivery up: forged or flooding entries
#   from a source outside the account (the confused deputy that aws:SourceAccount and aws:SourceArn
#   exist to stop). Name the service principal
#   (delivery.logs.amazonaws.com, es.amazonaws.com, …) and scope it with aws:SourceAccount or
#   aws:SourceArn.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_resource_policy]
#   frameworks: {}
#   cwe: ["CWE-732"]
#   remediation: >-
#     Name the delivering service as principal, and scope the statement with aws:SourceAccount,
#     aws:SourceArn or aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.cloudwatch.log_resource_policy_public

# No fix: which service the policy is meant for is not in the document once its principal is "*",
# and guessing one would break that delivery. The PutResourcePolicy reference (restrictions
# section) limits these policies to the two delivery actions and to service principals.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per policy, on policy_document; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy_document"], msg), related) if {
	some r in tf.resources("aws_cloudwatch_log_resource_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy_document))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy_document"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the CloudWatch Logs resource policy %s allows %s to any account", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

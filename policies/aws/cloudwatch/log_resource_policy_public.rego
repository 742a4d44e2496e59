# METADATA
# title: CloudWatch Logs resource policy allows any principal
# description: |
#   An account's CloudWatch Logs resource policies decide which services and accounts may act on
#   its log groups (most often logs:CreateLogStream and logs:PutLogEvents for a service that
#   delivers logs). An Allow statement for principal "*" (or {"AWS": "*"}) that no condition scopes
#   to an account, organization or source ARN lets every AWS account do what it names on the log
#   groups it names: write forged entries into them, or read them when it grants read actions.
#   Name the service principal (delivery.logs.amazonaws.com, es.amazonaws.com, …) or the account,
#   and scope it with aws:SourceAccount or aws:SourceArn.
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
#     Name the service or account as principal, and scope the statement with aws:SourceAccount,
#     aws:SourceArn or aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.cloudwatch.log_resource_policy_public

# No fix: which service or account the policy is meant for is not in the document once its
# principal is "*", and guessing one would break that delivery.

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

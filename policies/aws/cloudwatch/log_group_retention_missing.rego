# METADATA
# title: CloudWatch log group has no retention period
# description: |
#   Without retention_in_days (or with 0) a log group keeps every event forever. Data kept without a
#   purpose conflicts with retention policies and privacy law, and its cost grows without bound; a
#   deliberate period (for example one year for audit logs) is both cheaper and compliant.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
# custom:
#   id: PAL-AWS-CLOUDWATCH-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_group]
#   references:
#     checkov: CKV_AWS_66
#     kics: ef0b316a-211e-42f1-888e-64efe172b755
#   remediation: Set retention_in_days to the period your retention policy requires (for example 365).
#   fixable: true
package palisade.aws.cloudwatch.log_group_retention_missing

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix keeps logs for one year, the minimum the CIS and PCI DSS audit-log controls ask for.
deny contains result.fail_fix(r, ["retention_in_days"], msg, [result.set(["retention_in_days"], 365)]) if {
	some r in tf.resources("aws_cloudwatch_log_group")
	forever(object.get(r.config, "retention_in_days", null))
	msg := sprintf("%s keeps its logs forever (no retention period)", [r.address])
}

forever(null)

# 0 is the API's "never expire".
forever(v) if unknown.known_number(v) == 0

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
#   resource_types: [aws_cloudwatch_log_group, "module:terraform-aws-modules/cloudwatch/aws//modules/log-group", "module:terraform-aws-modules/lambda/aws"]
#   references:
#     checkov: CKV_AWS_66
#     kics: ef0b316a-211e-42f1-888e-64efe172b755
#   remediation: Set retention_in_days to the period your retention policy requires (for example 365).
#   fixable: true
package palisade.aws.cloudwatch.log_group_retention_missing

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix keeps logs for one year, the minimum the CIS and PCI DSS audit-log controls ask for.
deny contains result.fail_fix(r, ["retention_in_days"], msg, [result.set(["retention_in_days"], 365)]) if {
	some r in tf.resources("aws_cloudwatch_log_group")
	forever(object.get(r.config, "retention_in_days", null))
	msg := sprintf("%s keeps its logs forever (no retention period)", [r.address])
}

# Opaque calls that create a log group: the cloudwatch module's log-group submodule passes
# retention_in_days (default null) through; the lambda module creates the function's log group
# (unless use_existing_cloudwatch_log_group) with cloudwatch_logs_retention_in_days (default null).
deny contains result.fail_fix(g.call, [g.arg], msg, [result.set([g.arg], 365)]) if {
	some g in module_log_groups
	forever(object.get(g.call.config, g.arg, null))
	msg := sprintf("%s keeps its logs forever (no retention period)", [g.label])
}

forever(null)

# 0 is the API's "never expire".
forever(v) if unknown.known_number(v) == 0

module_log_groups contains {"call": m, "arg": "retention_in_days", "label": m.address} if some m in modules.log_groups

module_log_groups contains {"call": m, "arg": "cloudwatch_logs_retention_in_days", "label": label} if {
	some m in modules.lambda_functions
	object.get(m.config, "use_existing_cloudwatch_log_group", false) == false
	label := sprintf("the log group of %s", [m.address])
}

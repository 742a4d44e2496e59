# METADATA
# title: CloudWatch log group keeps its logs less than a year
# description: |
#   retention_in_days below 365 deletes log events before a year has passed. AWS Config's managed
#   rule cw-loggroup-retention-period-check reports a log group kept less than 365 days by
#   default, and PCI DSS 4.0 requirement 10.5.1 asks for twelve months of audit log history: an
#   investigation that starts months after an intrusion finds nothing older. A group that never
#   expires (retention_in_days unset or 0) is PAL-AWS-CLOUDWATCH-010's, not this rule's. The
#   minimum is not configurable (.palisade.yaml has no rule parameters): where short retention
#   is the policy (debug logs), disable the rule for the workspace or raise the period. Log
#   groups made by the cloudwatch module's log-group submodule and the lambda module are read too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/cw-loggroup-retention-period-check.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
# custom:
#   id: PAL-AWS-CLOUDWATCH-020
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_group, "module:terraform-aws-modules/cloudwatch/aws//modules/log-group", "module:terraform-aws-modules/lambda/aws"]
#   frameworks:
#     pci-dss-4.0: ["10.5.1"]
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set retention_in_days to 365 or more, unless short retention is the documented policy for this group.
#   fixable: false
package palisade.aws.cloudwatch.log_group_retention_short

import data.palisade.aws.cloudwatch.log_group_retention_missing as missing
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: a longer period stores (and bills) more log data, and whether the group holds audit
# events or short-lived debug output is the owner's call.
minimum_days := 365

deny contains result.fail(r, ["retention_in_days"], msg) if {
	some r in tf.resources("aws_cloudwatch_log_group")
	days := short(object.get(r.config, "retention_in_days", null))
	msg := sprintf("%s keeps its logs %s, less than %d days", [r.address, period(days), minimum_days])
}

# The same module calls CLOUDWATCH-010 reads (an input left unset there is "never expire").
deny contains result.fail(g.call, [g.arg], msg) if {
	some g in missing.module_log_groups
	days := short(object.get(g.call.config, g.arg, null))
	msg := sprintf("%s keeps its logs %s, less than %d days", [g.label, period(days), minimum_days])
}

# A known period from 1 to 364 days; 0 is "never expire", and an unknown value is not judged.
short(v) := days if {
	days := unknown.known_number(v)
	days > 0
	days < minimum_days
}

period(1) := "1 day"

period(days) := sprintf("%d days", [days]) if days != 1

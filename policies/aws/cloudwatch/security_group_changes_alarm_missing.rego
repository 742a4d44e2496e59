# METADATA
# title: No CloudWatch alarm for security group changes
# description: |
#   CloudTrail records security group changes, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. A security group change can open a port to the internet in seconds; an alarm
#   makes sure someone looks at every one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.10"]
#   references:
#     kics: 4beaf898-9f8b-4237-89e2-5ffdc7ee6006
#     trivy: AVD-AWS-0156
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the security group changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.security_group_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for security group changes (CIS 4.10)", spec)
}

events := [
	"AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
	"RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup",
]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "security_group_changes",
	"metric": "SecurityGroupChanges",
	"title": "security group changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

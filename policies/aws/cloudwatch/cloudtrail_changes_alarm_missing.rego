# METADATA
# title: No CloudWatch alarm for CloudTrail configuration changes
# description: |
#   CloudTrail records CloudTrail configuration changes, but nothing in this module alerts on them:
#   CIS asks for a CloudWatch Logs metric filter on the trail's log group matching those events and
#   an alarm on its metric. Stopping or reconfiguring a trail is what an intruder does first to hide
#   later activity; without an alarm nobody notices the audit log went quiet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.5"]
#   references:
#     kics: 0f6cbf69-41bb-47dc-93f3-3844640bf480
#     trivy: AVD-AWS-0151
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the CloudTrail configuration
#     changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.cloudtrail_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for CloudTrail configuration changes (CIS 4.5)", spec)
}

events := ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "cloudtrail_changes",
	"metric": "CloudTrailConfigChanges",
	"title": "CloudTrail configuration changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

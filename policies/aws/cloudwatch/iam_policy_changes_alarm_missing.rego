# METADATA
# title: No CloudWatch alarm for IAM policy changes
# description: |
#   CloudTrail records IAM policy changes, but nothing in this module alerts on them: CIS asks for a
#   CloudWatch Logs metric filter on the trail's log group matching those events and an alarm on its
#   metric. Changes to IAM policies widen or narrow what every principal can do; an unexpected one
#   is how privilege escalation and persistence show up.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.4"]
#   references:
#     kics: eaaba502-2f94-411a-a3c2-83d63cc1776d
#     trivy: AVD-AWS-0150
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the IAM policy changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.iam_policy_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for IAM policy changes (CIS 4.4)", spec)
}

events := [
	"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
	"PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
	"AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
	"AttachGroupPolicy", "DetachGroupPolicy",
]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "iam_policy_changes",
	"metric": "IAMPolicyChanges",
	"title": "IAM policy changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

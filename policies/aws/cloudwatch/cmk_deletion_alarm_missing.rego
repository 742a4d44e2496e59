# METADATA
# title: No CloudWatch alarm for customer managed keys disabled or scheduled for deletion
# description: |
#   CloudTrail records KMS keys being disabled or scheduled for deletion, but nothing in this
#   module alerts on them: CIS asks for a CloudWatch Logs metric filter on the trail's log group
#   matching those events and an alarm on its metric. A disabled or deleted customer managed key
#   makes everything encrypted with it unreadable; the waiting period before deletion is the only
#   window to cancel it. The event source may be ANDed with the event names but not ORed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-015
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.7"]
#   references:
#     kics: 56a585f5-555c-48b2-8395-e64e4740a9cf
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching DisableKey and ScheduleKeyDeletion and an alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.cmk_deletion_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tries to match these events and falls short; when there
# is none, one module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, source)
	some filter in cis_alarms.near_misses(required, source)
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for customer managed keys disabled or scheduled for deletion (CIS 4.7)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, source)
	count(cis_alarms.near_misses(required, source)) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for customer managed keys disabled or scheduled for deletion (CIS 4.7)", spec)
}

# The CIS AWS Foundations Benchmark's event list for this control.
events := [
	"DisableKey",
	"ScheduleKeyDeletion",
]

# The control's own event source: the part of a filter holding the event names must not be ORed
# with it (that matches every kms event), and a filter naming it is an attempt at this control (a
# filter scoped to another service is another control's).
source := "$.eventSource=kms.amazonaws.com"

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := sprintf("{ ($.eventSource = kms.amazonaws.com) && (%s) }", [fixes.cis_event_disjunction(events)])

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "cmk_deletion",
	"metric": "CMKDisabledOrDeleted",
	"title": "customer managed keys disabled or scheduled for deletion",
	"pattern": pattern,
	"required": required,
	"forbidden": source,
}

# METADATA
# title: No CloudWatch alarm for S3 bucket policy changes
# description: |
#   CloudTrail records S3 bucket policy changes, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. Bucket policy, ACL, CORS, lifecycle and replication changes can expose or
#   exfiltrate data. The event source may be ANDed with the event names but not ORed (that matches
#   every S3 call and buries the signal).
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.8"]
#   references:
#     kics: 27c6a499-895a-4dc7-9617-5c485218db13
#     trivy: AVD-AWS-0154
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the S3 bucket policy changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.s3_policy_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tries to match these events and falls short; when there
# is none, one module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, source)
	some filter in cis_alarms.near_misses(required, source)
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for S3 bucket policy changes (CIS 4.8)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, source)
	count(cis_alarms.near_misses(required, source)) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for S3 bucket policy changes (CIS 4.8)", spec)
}

events := [
	"PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
	"DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
]

# The control's own event source: the part of a filter holding the event names must not be ORed
# with it (that matches every s3 event), and a filter naming it is an attempt at this control (a
# filter scoped to another service is another control's).
source := "$.eventSource=s3.amazonaws.com"

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := sprintf("{ ($.eventSource = s3.amazonaws.com) && (%s) }", [fixes.cis_event_disjunction(events)])

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "s3_policy_changes",
	"metric": "S3BucketPolicyChanges",
	"title": "S3 bucket policy changes",
	"pattern": pattern,
	"required": required,
	"forbidden": source,
}

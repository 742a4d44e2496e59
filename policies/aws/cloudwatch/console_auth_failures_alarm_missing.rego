# METADATA
# title: No CloudWatch alarm for console authentication failures
# description: |
#   CloudTrail records console authentication failures, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. Repeated failed console logins are what password guessing and credential
#   stuffing look like; the alarm gives the source addresses while they are still trying. The
#   event name and the second condition must be ANDed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-017
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.6"]
#   references:
#     kics: 5864d189-ee9a-4009-ac0c-8a582e6b7919
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group with the CIS 4.6 pattern and an alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.console_auth_failures_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tries to match these events and falls short; when there
# is none, one module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, "")
	some filter in cis_alarms.near_misses(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for console authentication failures (CIS 4.6)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	count(cis_alarms.near_misses(required, "")) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for console authentication failures (CIS 4.6)", spec)
}

# A conjunction: the console login event AND the condition below, each in its own `&&`-part.
required := {"all_of": ["$.eventName=ConsoleLogin", "$.errorMessage=Failedauthentication"]}

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := `{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }`

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "console_auth_failures",
	"metric": "ConsoleAuthenticationFailures",
	"title": "console authentication failures",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

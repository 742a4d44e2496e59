# METADATA
# title: No CloudWatch alarm for unauthorized API calls
# description: |
#   CloudTrail records unauthorized API calls, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. Repeated UnauthorizedOperation and AccessDenied errors are often the first sign
#   of an intruder probing stolen credentials, or of a broken deployment.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.1"]
#   references:
#     kics: 4c18a45b-4ab1-4790-9f83-399ac695f1e5
#     trivy: AVD-AWS-0147
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the unauthorized API calls events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.unauthorized_api_calls_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for unauthorized API calls (CIS 4.1)", spec)
}

required := ["$.errorCode=*UnauthorizedOperation", "$.errorCode=AccessDenied*"]

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := `{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "unauthorized_api_calls",
	"metric": "UnauthorizedAPICalls",
	"title": "unauthorized API calls",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

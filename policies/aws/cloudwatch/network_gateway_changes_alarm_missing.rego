# METADATA
# title: No CloudWatch alarm for network gateway changes
# description: |
#   CloudTrail records network gateway changes, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. Internet and customer gateways are the VPC's border; attaching one unnoticed
#   opens a path around the controlled egress and ingress.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-014
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.12"]
#   references:
#     kics: 6b6874fe-4c2f-4eea-8b90-7cceaa4a125e
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the network gateway changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.network_gateway_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for network gateway changes (CIS 4.12)", spec)
}

events := ["CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "network_gateway_changes",
	"metric": "NetworkGatewayChanges",
	"title": "network gateway changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

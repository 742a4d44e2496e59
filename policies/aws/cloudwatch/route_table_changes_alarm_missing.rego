# METADATA
# title: No CloudWatch alarm for route table changes
# description: |
#   CloudTrail records route table changes, but nothing in this module alerts on them: CIS asks for
#   a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm on
#   its metric. A changed route can send private traffic through an attacker-controlled path or out
#   to the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.13"]
#   references:
#     kics: 2285e608-ddbc-47f3-ba54-ce7121e31216
#     trivy: AVD-AWS-0159
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the route table changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.route_table_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for route table changes (CIS 4.13)", spec)
}

events := ["CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "route_table_changes",
	"metric": "RouteTableChanges",
	"title": "route table changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

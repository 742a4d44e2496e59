# METADATA
# title: No CloudWatch alarm for VPC changes
# description: |
#   CloudTrail records VPC changes, but nothing in this module alerts on them: CIS asks for a
#   CloudWatch Logs metric filter on the trail's log group matching those events and an alarm on its
#   metric. New VPCs and peering connections create network paths that bypass existing controls.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.14"]
#   references:
#     kics: 9d0d4512-1959-43a2-a17f-72360ff06d1b
#     trivy: AVD-AWS-0160
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the VPC changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.vpc_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for VPC changes (CIS 4.14)", spec)
}

events := [
	"CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
	"CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
	"AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink",
]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "vpc_changes",
	"metric": "VPCChanges",
	"title": "VPC changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

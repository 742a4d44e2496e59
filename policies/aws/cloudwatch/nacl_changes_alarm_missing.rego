# METADATA
# title: No CloudWatch alarm for network ACL changes
# description: |
#   CloudTrail records network ACL changes, but nothing in this module alerts on them: CIS asks for
#   a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm on
#   its metric. Network ACLs are a subnet-wide stateless filter; an unnoticed change can expose or
#   isolate whole subnets.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.11"]
#   references:
#     kics: 0a8e8dc5-b6fc-44fc-b5a1-969ec950f9b0
#     trivy: AVD-AWS-0157
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the network ACL changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.nacl_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# One module-level finding, placed on the module's first metric filter or alarm.
deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, "")
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for network ACL changes (CIS 4.11)", spec)
}

events := ["CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"]

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := fixes.cis_event_pattern(events)

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "nacl_changes",
	"metric": "NACLChanges",
	"title": "network ACL changes",
	"pattern": pattern,
	"required": required,
	"forbidden": "",
}

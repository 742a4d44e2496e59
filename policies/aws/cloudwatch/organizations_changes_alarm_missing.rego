# METADATA
# title: No CloudWatch alarm for AWS Organizations changes
# description: |
#   CloudTrail records AWS Organizations changes, but nothing in this module alerts on them: CIS asks
#   for a CloudWatch Logs metric filter on the trail's log group matching those events and an alarm
#   on its metric. Organization changes move accounts between guardrails: detaching or rewriting a
#   service control policy, or an account leaving the organization, lifts controls from every
#   account below. The event source may be ANDed with the event names but not ORed. Only the
#   organization's management account (or a delegated administrator's trail) records these events.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-013
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm, aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["4.15"]
#   cwe: ["CWE-778"]
#   remediation: Add a metric filter on the CloudTrail log group matching the AWS Organizations changes events and an aws_cloudwatch_metric_alarm on its metric.
#   fixable: true
package palisade.aws.cloudwatch.organizations_changes_alarm_missing

import data.palisade.lib.cis_alarms
import data.palisade.lib.cis_alarms_fix
import data.palisade.lib.fixes

# On the pattern of each filter that tries to match these events and falls short; when there
# is none, one module-level finding on the module's first metric filter or alarm.
deny contains fixes.finding(filter, ["pattern"], msg, cis_alarms_fix.filter_ops(filter, spec)) if {
	cis_alarms.missing(required, source)
	some filter in cis_alarms.near_misses(required, source)
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for AWS Organizations changes (CIS 4.15)", spec)
}

deny contains fixes.finding(cis_alarms.anchor, [], msg, anchor_fix) if {
	cis_alarms.missing(required, source)
	count(cis_alarms.near_misses(required, source)) == 0
	msg := cis_alarms.message("No metric filter with an alarm watches CloudTrail for AWS Organizations changes (CIS 4.15)", spec)
}

# The CIS AWS Foundations Benchmark's event list for this control.
events := [
	"AcceptHandshake",
	"AttachPolicy",
	"CreateAccount",
	"CreateOrganizationalUnit",
	"CreatePolicy",
	"DeclineHandshake",
	"DeleteOrganization",
	"DeleteOrganizationalUnit",
	"DeletePolicy",
	"DetachPolicy",
	"DisablePolicyType",
	"EnablePolicyType",
	"InviteAccountToOrganization",
	"LeaveOrganization",
	"MoveAccount",
	"RemoveAccountFromOrganization",
	"UpdatePolicy",
	"UpdateOrganizationalUnit",
]

# The control's own event source: the part of a filter holding the event names must not be ORed
# with it (that matches every organizations event), and a filter naming it is an attempt at this control (a
# filter scoped to another service is another control's).
source := "$.eventSource=organizations.amazonaws.com"

required := cis_alarms.event_terms(events)

# The CIS pattern; the fix completes a filter that falls short of it, or adds a filter and an alarm.
pattern := sprintf("{ ($.eventSource = organizations.amazonaws.com) && (%s) }", [fixes.cis_event_disjunction(events)])

anchor_fix := cis_alarms_fix.anchor_ops(spec)

spec := {
	"slug": "organizations_changes",
	"metric": "OrganizationsChanges",
	"title": "AWS Organizations changes",
	"pattern": pattern,
	"required": required,
	"forbidden": source,
}

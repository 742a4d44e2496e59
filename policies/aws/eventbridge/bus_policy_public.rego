# METADATA
# title: EventBridge event bus accepts events from any account
# description: |
#   An event bus policy statement allows actions such as events:PutEvents to the principal "*"
#   with no condition scoping it to an organization, account or source, or an
#   aws_cloudwatch_event_permission grants principal = "*" without a condition. Every AWS account
#   can then put events on the bus, and any rule whose pattern does not pin the source account
#   passes those forged events to its targets (functions, queues, workflows).
# related_resources:
#   - ref: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html
#   - ref: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutPermission.html
# custom:
#   id: PAL-AWS-EVENTBRIDGE-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_event_bus_policy, aws_cloudwatch_event_permission]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts allowed to send events, or add an aws:PrincipalOrgID condition.
#   fixable: false
package palisade.aws.eventbridge.bus_policy_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# One finding per policy, on the policy attribute; the open statements are related locations (as
# SNS-002 and SQS-002 do). No fix: who should send events is the owner's choice.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_cloudwatch_event_bus_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# PutPermission's principal "*" admits every account unless the condition block (only
# aws:PrincipalOrgID with StringEquals is accepted) scopes it; an unknown block may scope it.
deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_cloudwatch_event_permission")
	unknown.known_string(object.get(r.config, "principal", null)) == "*"
	not has_condition(r)
	msg := sprintf("%s lets any AWS account call %s on the event bus", [r.address, action_label(r)])
}

has_condition(r) if count(tf.blocks(r, "condition")) > 0

has_condition(r) if unknown.is_unknown(object.get(r.config, "condition", null))

action_label(r) := a if {
	a := unknown.known_string(r.config.action)
} else := "events:PutEvents"

# METADATA
# title: Step Functions state machine does not log its executions
# description: |
#   A state machine logs nothing unless its logging_configuration names a CloudWatch Logs
#   destination and a level other than OFF (the default). Without it there is no record of the
#   executions that failed, timed out or were aborted, or of the input that drove them: an Express
#   state machine keeps no execution history at all, and a Standard one keeps it in the console
#   for 90 days only. AWS Security Hub (StepFunctions.1) asks for logging at any level but OFF.
#   Opaque terraform-aws-modules/step-functions calls are judged by their logging_configuration
#   input, whose level is OFF unless set, in every version.
#   The fix for a state machine without the block adds a log group (kept one year, encrypted with a
#   key of its own), logging at level ERROR without execution data, and - since the API refuses
#   logging when the state machine's role may not manage log deliveries - the permissions AWS
#   documents for that role, when the role is declared in the configuration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/stepfunctions-controls.html#stepfunctions-1
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine#logging_configuration
# custom:
#   id: PAL-AWS-SFN-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sfn_state_machine, "module:terraform-aws-modules/step-functions/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_285
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add logging_configuration { log_destination = "${aws_cloudwatch_log_group.<name>.arn}:*",
#     level = "ERROR" } (or ALL), and let the state machine's role manage log deliveries
#     (logs:CreateLogDelivery, logs:GetLogDelivery, logs:UpdateLogDelivery, logs:DeleteLogDelivery,
#     logs:ListLogDeliveries, logs:PutResourcePolicy, logs:DescribeResourcePolicies,
#     logs:DescribeLogGroups on "*").
#   fixable: true
package palisade.aws.sfn.logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No logging_configuration block (a dynamic one whose for_each is known to be empty included):
# the service default, level OFF. An unknown block list may hold one, so it is left alone.
deny contains fixes.finding(r, ["logging_configuration"], msg(r), logging_ops(r)) if {
	some r in tf.resources("aws_sfn_state_machine")
	count(tf.blocks(r, "logging_configuration")) == 0
	not unknown.is_unknown(object.get(r.config, "logging_configuration", []))
}

# A block whose level is OFF, or unset (the provider sends none and the service keeps OFF).
deny contains result.fail(r, path, msg(r)) if {
	some r in tf.resources("aws_sfn_state_machine")
	some i, logging in tf.blocks(r, "logging_configuration")
	off(object.get(logging, "level", null))
	path := ["logging_configuration", i, "level"]
}

# Opaque terraform-aws-modules/step-functions calls. The module adds its logging_configuration block
# only when logging_configuration["level"] is set and not "OFF" (v2 on: try(level, "OFF") != "OFF",
# the input defaulting to {}; v1.3 to v1.x: the input defaulting to level = "OFF"; before v1.3 the
# module had no logging at all). So a call without the input logs nothing, whatever its version:
# the call header is reported; a map without level, or with level OFF, is reported on the map or
# the level. An unknown map or level is left alone.
deny contains result.fail(m, [], msg(m)) if {
	some m in modules.sfn_state_machines
	object.get(m.config, "logging_configuration", null) == null
}

deny contains result.fail(m, path, msg(m)) if {
	some m in modules.sfn_state_machines
	logging := m.config.logging_configuration
	is_object(logging)
	not unknown.is_unknown(logging)
	level := object.get(logging, "level", null)
	off(level)
	path := module_level_path(level)
}

off(null)

off(level) if {
	is_string(level)
	upper(level) == "OFF"
}

module_level_path(null) := ["logging_configuration"]

module_level_path(level) := ["logging_configuration", "level"] if level != null

msg(r) := sprintf("%s does not log its executions (logging level OFF)", [r.address])

# The fix (a state machine with no block at all; a dynamic block the author switched off is theirs
# to switch on): a log group named after the state machine (fixes.new_log_group; the
# /aws/vendedlogs/states/ prefix is the one the Step Functions guide recommends, so that one
# CloudWatch Logs resource policy covers every such group; name_prefix, since a fixed name would
# collide when the configuration is applied twice in one account and region), level ERROR
# (failed executions; ALL is the owner's choice of cost) without execution data (inputs and
# outputs may hold what the log readers should not see).
# CreateStateMachine and UpdateStateMachine refuse a log destination the role may not deliver to
# ("The state machine IAM Role is not authorized to access the Log Destination"), so the fix also
# grants the log delivery actions the Step Functions guide lists for that role, when the role
# is an aws_iam_role of this configuration that lacks them; the new log group depends on that
# grant so the state machine is updated after it. Those actions support no resource-level
# permissions ("*" is the only resource they take). A role outside the configuration gets no fix:
# nothing here tells what it may do.
logging_ops(r) := array.concat(array.concat(grant, group), [block]) if {
	tf.missing_attr(r, ["logging_configuration"])

	# Before provider v4 a log group's arn ended in ":*" already, and the destination below would not
	# be an ARN Step Functions accepts.
	not tf.provider_below("aws", 4)
	grant := role_ops(r)
	name := sprintf("%s_logs", [r.name])
	config := object.union({"name_prefix": sprintf("/aws/vendedlogs/states/%s-", [r.name])}, depends_on(grant, r))
	group := fixes.new_log_group(r, name, config)
	block := result.add_block([], "logging_configuration", {
		"log_destination": result.expr(sprintf(`"${aws_cloudwatch_log_group.%s.arn}:*"`, [name])),
		"include_execution_data": false,
		"level": "ERROR",
	})
} else := []

role_ops(r) := [] if {
	delivers_logs(execution_role(r))
} else := [document, policy] if {
	role := execution_role(r)
	fixes.can_reference(role)
	name := grant_name(r)
	not fixes.resource_named("aws_iam_role_policy", name)
	not fixes.data_named("aws_iam_policy_document", name)
	document := {"op": "add_data", "type": "aws_iam_policy_document", "name": name, "config": {"statement": [{
		"sid": "StepFunctionsLogDelivery",
		"actions": log_delivery_actions,
		"resources": ["*"],
	}]}}
	policy := result.add_resource("aws_iam_role_policy", name, {
		"role": result.expr(sprintf("%s.id", [role.address])),
		"policy": result.expr(sprintf("data.aws_iam_policy_document.%s.json", [name])),
	})
}

depends_on([], _) := {}

depends_on(grant, r) := {"depends_on": [result.expr(sprintf("aws_iam_role_policy.%s", [grant_name(r)]))]} if count(grant) > 0

grant_name(r) := sprintf("%s_log_delivery", [r.name])

# The role permissions of the Step Functions guide's "IAM Policies for logging to CloudWatch Logs".
log_delivery_actions := [
	"logs:CreateLogDelivery",
	"logs:GetLogDelivery",
	"logs:UpdateLogDelivery",
	"logs:DeleteLogDelivery",
	"logs:ListLogDeliveries",
	"logs:PutResourcePolicy",
	"logs:DescribeResourcePolicies",
	"logs:DescribeLogGroups",
]

# execution_role(r): the one aws_iam_role of this module the state machine's role_arn references.
execution_role(r) := role if {
	roles := {role |
		some ref in r.references
		ref.path == ["role_arn"]
		some role in tf.resources("aws_iam_role")
		tf.refers_to(ref.target, role.address)
	}
	count(roles) == 1
	some role in roles
}

delivers_logs(role) if {
	some st in iam_identity.statements_of(role.address)
	iam.allows_action(st.statement, "logs:CreateLogDelivery")
}

delivers_logs(role) if {
	some a in iam_identity.attached_arns
	a.identity == role.address
	some name in {"CloudWatchLogsFullAccess", "AdministratorAccess"}
	endswith(a.arn, concat("", [":iam::aws:policy/", name]))
}

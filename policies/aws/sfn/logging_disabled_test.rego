package palisade.aws.sfn.logging_disabled_test

import data.palisade.aws.sfn.logging_disabled as rule

machine(config) := {"resources": [{
	"address": "aws_sfn_state_machine.m", "type": "aws_sfn_state_machine", "name": "m", "references": [],
	"config": object.union({"name": "m", "role_arn": "arn:aws:iam::111122223333:role/sfn", "definition": "{}"}, config),
}]}

msg := "aws_sfn_state_machine.m does not log its executions (logging level OFF)"

test_no_logging_block if {
	rule.deny == {{"msg": msg, "resource": "aws_sfn_state_machine.m", "path": ["logging_configuration"]}} with input as machine({})
}

# terraform-aws-modules/step-functions builds the block with a dynamic whose for_each is empty
# when its level is OFF: the model then has an empty list.
test_empty_dynamic_block if {
	count(rule.deny) == 1 with input as machine({"logging_configuration": []})
}

test_level_off_or_unset if {
	rule.deny == {{"msg": msg, "resource": "aws_sfn_state_machine.m", "path": ["logging_configuration", 0, "level"]}} with input as machine({"logging_configuration": [{"level": "OFF", "log_destination": "arn:aws:logs:us-east-1:111122223333:log-group:sfn:*"}]})
	count(rule.deny) == 1 with input as machine({"logging_configuration": [{"include_execution_data": true}]})
	count(rule.deny) == 1 with input as machine({"logging_configuration": [{"level": "off"}]})
}

test_logging_on_passes if {
	count(rule.deny) == 0 with input as machine({"logging_configuration": [{"level": "ERROR", "log_destination": "arn:aws:logs:us-east-1:111122223333:log-group:sfn:*"}]})
	count(rule.deny) == 0 with input as machine({"logging_configuration": [{"level": "ALL", "include_execution_data": false, "log_destination": "x:*"}]})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as machine({"logging_configuration": [{"level": {"$unknown": "var.level"}}]})
	count(rule.deny) == 0 with input as machine({"logging_configuration": {"$unknown": "local.logging"}})
}

sfn_call(config) := {"resources": [], "modules": [{"address": "module.sfn", "source": "terraform-aws-modules/step-functions/aws", "version": "~> 4.0", "config": object.union({"name": "m", "definition": "{}"}, config)}]}

sfn_msg := "module.sfn does not log its executions (logging level OFF)"

# terraform-aws-modules/step-functions adds the block only for a level other than OFF; without the
# input (any version) or without a level the state machine logs nothing.
test_opaque_module_without_logging_fires if {
	rule.deny == {{"msg": sfn_msg, "resource": "module.sfn", "path": []}} with input as sfn_call({})
	rule.deny == {{"msg": sfn_msg, "resource": "module.sfn", "path": ["logging_configuration", "level"]}} with input as sfn_call({"logging_configuration": {"level": "OFF", "include_execution_data": true}})
	rule.deny == {{"msg": sfn_msg, "resource": "module.sfn", "path": ["logging_configuration"]}} with input as sfn_call({"logging_configuration": {"include_execution_data": true}})
}

test_opaque_module_logging_or_unknown_passes if {
	count(rule.deny) == 0 with input as sfn_call({"logging_configuration": {"level": "ALL", "include_execution_data": true}})
	count(rule.deny) == 0 with input as sfn_call({"logging_configuration": {"level": "ERROR"}})
	count(rule.deny) == 0 with input as sfn_call({"logging_configuration": {"level": {"$unknown": "var.level"}}})
	count(rule.deny) == 0 with input as sfn_call({"logging_configuration": {"$unknown": "var.logging"}})
	count(rule.deny) == 0 with input as sfn_call({"create": false})
	count(rule.deny) == 0 with input as sfn_call({"create": {"$unknown": "var.create"}})
}

role := {"address": "aws_iam_role.sfn", "type": "aws_iam_role", "name": "sfn", "references": [], "config": {"name": "sfn"}}

with_role := {"resources": [
	{
		"address": "aws_sfn_state_machine.m", "type": "aws_sfn_state_machine", "name": "m",
		"references": [{"path": ["role_arn"], "target": "aws_iam_role.sfn"}],
		"config": {"name": "m", "role_arn": {"$unknown": "aws_iam_role.sfn.arn"}, "definition": "{}"},
	},
	role,
]}

# A declared role that may not deliver logs: the fix grants the documented actions beside the
# log group and the block.
test_fix_grants_log_delivery_to_a_declared_role if {
	some f in rule.deny with input as with_role
	policies := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_iam_role_policy"]
	count(policies) == 1
	groups := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_cloudwatch_log_group"]
	count(groups) == 1
	some block in f.fix
	block.op == "add_block"
	block.config.level == "ERROR"
}

# A role given by ARN: what it may do is unknown here, and the API would refuse the destination.
test_no_fix_for_a_role_outside_the_configuration if {
	some f in rule.deny with input as machine({})
	not f.fix
}

# A dynamic block switched off by the author is not replaced.
test_no_fix_for_an_empty_dynamic_block if {
	m := with_role.resources[0]
	off := object.union(m, {"config": object.union(m.config, {"logging_configuration": []})})
	some f in rule.deny with input as {"resources": [off, role]}
	not f.fix
}

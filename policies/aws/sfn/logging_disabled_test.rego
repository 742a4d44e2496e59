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

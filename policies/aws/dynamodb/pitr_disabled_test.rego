package palisade.aws.dynamodb.pitr_disabled_test

import data.palisade.aws.dynamodb.pitr_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_dynamodb_table.this does not have point-in-time recovery enabled", "resource": "aws_dynamodb_table.this", "path": ["point_in_time_recovery", 0, "enabled"], "fix": [{"op": "set", "path": ["point_in_time_recovery", 0, "enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"point_in_time_recovery": [{"enabled": false}]}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_dynamodb_table.this does not have point-in-time recovery enabled", "resource": "aws_dynamodb_table.this", "path": ["point_in_time_recovery"], "fix": [{"op": "add_block", "path": [], "type": "point_in_time_recovery", "config": {"enabled": true}}]}} with input as {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"point_in_time_recovery": [{"enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"point_in_time_recovery": [{"enabled": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"point_in_time_recovery": {"$unknown": "var.x"}}, "references": []}]}
}

call(config) := {"address": "module.t", "source": "terraform-aws-modules/dynamodb-table/aws", "config": config}

test_opaque_module_without_pitr_fires if {
	rule.deny == {{
		"msg": "module.t does not have point-in-time recovery enabled", "resource": "module.t", "path": ["point_in_time_recovery_enabled"],
		"fix": [{"op": "set", "path": ["point_in_time_recovery_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"name": "orders"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"point_in_time_recovery_enabled": false})]}
}

test_opaque_module_with_pitr_unknown_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"point_in_time_recovery_enabled": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"point_in_time_recovery_enabled": {"$unknown": "var.pitr"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_table": false})]}
}

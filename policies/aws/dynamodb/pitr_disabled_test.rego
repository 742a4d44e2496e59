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

package palisade.aws.dynamodb.deletion_protection_disabled_test

import data.palisade.aws.dynamodb.deletion_protection_disabled as rule

bad := {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"deletion_protection_enabled": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"deletion_protection_enabled": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {"deletion_protection_enabled": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_dynamodb_table.this", "type": "aws_dynamodb_table", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_dynamodb_table.this does not set deletion_protection_enabled = true", "resource": "aws_dynamodb_table.this", "path": ["deletion_protection_enabled"], "fix": [{"op": "set", "path": ["deletion_protection_enabled"], "value": true}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

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

call(config) := {"address": "module.t", "source": "terraform-aws-modules/dynamodb-table/aws", "config": config}

test_opaque_module_without_deletion_protection_fires if {
	rule.deny == {{
		"msg": "module.t does not set deletion_protection_enabled = true", "resource": "module.t", "path": ["deletion_protection_enabled"],
		"fix": [{"op": "set", "path": ["deletion_protection_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"name": "orders"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"deletion_protection_enabled": false})]}
}

test_opaque_module_pinned_below_v4_gets_no_fix if {
	old := {"address": "module.t", "source": "terraform-aws-modules/dynamodb-table/aws", "version": "~> 3.1", "config": {}}
	some f in rule.deny with input as {"resources": [], "modules": [old]}
	not f.fix
}

test_opaque_module_protected_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"deletion_protection_enabled": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"deletion_protection_enabled": {"$unknown": "var.p"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_table": false})]}
}

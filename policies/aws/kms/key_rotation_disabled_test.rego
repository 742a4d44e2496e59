package palisade.aws.kms.key_rotation_disabled_test

import data.palisade.aws.kms.key_rotation_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_kms_key.this does not rotate its key material", "resource": "aws_kms_key.this", "path": [], "fix": [{"op": "set", "path": ["enable_key_rotation"], "value": true}]}} with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"enable_key_rotation": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_kms_key.this does not rotate its key material", "resource": "aws_kms_key.this", "path": [], "fix": [{"op": "set", "path": ["enable_key_rotation"], "value": true}]}} with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"enable_key_rotation": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"enable_key_rotation": {"$unknown": "var.x"}}, "references": []}]}
}

test_asymmetric_key_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"customer_master_key_spec": "RSA_2048"}, "references": []}]}
}

test_signing_or_mac_usage_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"key_usage": "SIGN_VERIFY", "enable_key_rotation": false}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"key_usage": "GENERATE_VERIFY_MAC"}, "references": []}]}
}

test_custom_key_store_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"custom_key_store_id": "cks-1234"}, "references": []}]}
}

test_encrypt_decrypt_usage_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"key_usage": "ENCRYPT_DECRYPT"}, "references": []}]}
}

call(config) := {"address": "module.key", "source": "terraform-aws-modules/kms/aws", "config": config}

test_opaque_module_with_rotation_disabled_fires if {
	rule.deny == {{
		"msg": "module.key does not rotate its key material", "resource": "module.key", "path": ["enable_key_rotation"],
		"fix": [{"op": "set", "path": ["enable_key_rotation"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"enable_key_rotation": false})]}
}

test_opaque_module_default_asymmetric_replica_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_key_rotation": false, "create_replica": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"enable_key_rotation": false, "create": false})]}
}

test_empty_strings_are_the_symmetric_defaults if {
	key := {"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"customer_master_key_spec": "", "key_usage": "", "custom_key_store_id": ""}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [key]}
}

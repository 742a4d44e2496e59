package palisade.aws.secretsmanager.secret_deleted_without_recovery_test

import data.palisade.aws.secretsmanager.secret_deleted_without_recovery as rule

bad := {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"recovery_window_in_days": 0}, "references": []}]}

good_0 := {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"recovery_window_in_days": 7}, "references": []}]}

good_1 := {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": {"recovery_window_in_days": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_secretsmanager_secret.this is deleted immediately, without a recovery window", "resource": "aws_secretsmanager_secret.this", "path": ["recovery_window_in_days"], "fix": [{"op": "set", "path": ["recovery_window_in_days"], "value": 30}]}} with input as bad
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
	count(rule.warn) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
}

call(config) := {"address": "module.s", "source": "terraform-aws-modules/secrets-manager/aws", "config": config}

test_opaque_module_without_recovery_window_fires if {
	rule.warn == {{
		"msg": "module.s is deleted immediately, without a recovery window", "resource": "module.s", "path": ["recovery_window_in_days"],
		"fix": [{"op": "set", "path": ["recovery_window_in_days"], "value": 30}],
	}} with input as {"resources": [], "modules": [call({"recovery_window_in_days": 0})]}
}

test_opaque_module_default_window_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({}), call({"recovery_window_in_days": 7})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"recovery_window_in_days": 0, "create": false})]}
}

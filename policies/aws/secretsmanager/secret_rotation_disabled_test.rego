package palisade.aws.secretsmanager.secret_rotation_disabled_test

import data.palisade.aws.secretsmanager.secret_rotation_disabled as rule

secret := {"address": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret", "name": "db", "config": {"name": "db"}, "references": []}

rotation(secret_id, refs) := {"address": "aws_secretsmanager_secret_rotation.db", "type": "aws_secretsmanager_secret_rotation", "name": "db", "config": {"secret_id": secret_id}, "references": refs}

test_unrotated_secret_warns if {
	rule.warn == {{"msg": "aws_secretsmanager_secret.db is not rotated automatically", "resource": "aws_secretsmanager_secret.db", "path": []}} with input as {"resources": [secret]}
}

test_rotated_secret_passes if {
	r := rotation({"$unknown": "aws_secretsmanager_secret.db.id"}, [{"path": ["secret_id"], "target": "aws_secretsmanager_secret.db", "attribute": "id"}])
	count(rule.warn) == 0 with input as {"resources": [secret, r]}
}

test_unresolvable_rotation_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [secret, rotation({"$unknown": "var.secret_id"}, [])]}
}

call(config) := {"address": "module.s", "source": "terraform-aws-modules/secrets-manager/aws", "config": config}

test_opaque_module_without_rotation_fires if {
	rule.warn == {{"msg": "module.s is not rotated automatically", "resource": "module.s", "path": ["enable_rotation"]}} with input as {"resources": [], "modules": [call({"name": "db"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [call({"enable_rotation": false})]}
}

test_opaque_module_rotated_here_or_elsewhere_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"enable_rotation": true})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"enable_rotation": {"$unknown": "var.rotate"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"create": false})]}
	rotation := {"address": "aws_secretsmanager_secret_rotation.s", "type": "aws_secretsmanager_secret_rotation", "name": "s", "config": {"secret_id": {"$unknown": "module.s.secret_id"}}, "references": [{"path": ["secret_id"], "target": "module.s", "attribute": "secret_id"}]}
	count(rule.warn) == 0 with input as {"resources": [rotation], "modules": [call({})]}
}

test_v3_inline_rotation_passes if {
	inline := {"resources": [{"address": "aws_secretsmanager_secret.s", "type": "aws_secretsmanager_secret", "name": "s", "config": {"rotation_lambda_arn": {"$unknown": "aws_lambda_function.rot.arn"}, "rotation_rules": [{"automatically_after_days": 30}]}, "references": []}]}
	count(rule.warn) == 0 with input as inline
}

test_rotation_naming_the_secret_by_name_passes if {
	secret := {"address": "aws_secretsmanager_secret.s", "type": "aws_secretsmanager_secret", "name": "s", "config": {"name": "app/db"}, "references": []}
	rotation := {"address": "aws_secretsmanager_secret_rotation.r", "type": "aws_secretsmanager_secret_rotation", "name": "r", "config": {"secret_id": "app/db"}, "references": []}
	other := {"address": "aws_secretsmanager_secret_rotation.r", "type": "aws_secretsmanager_secret_rotation", "name": "r", "config": {"secret_id": "app/other"}, "references": []}
	count(rule.warn) == 0 with input as {"resources": [secret, rotation]}
	count(rule.warn) == 1 with input as {"resources": [secret, other]}
}

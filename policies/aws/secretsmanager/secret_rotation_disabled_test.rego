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

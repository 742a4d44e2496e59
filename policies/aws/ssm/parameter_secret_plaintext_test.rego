package palisade.aws.ssm.parameter_secret_plaintext_test

import data.palisade.aws.ssm.parameter_secret_plaintext as rule

param(config) := {"address": "aws_ssm_parameter.db", "type": "aws_ssm_parameter", "name": "db", "config": config, "references": []}

test_plain_password_fires if {
	rule.deny == {{
		"msg": "aws_ssm_parameter.db (/app/prod/db_password) looks like a secret but is stored as a plain String",
		"resource": "aws_ssm_parameter.db", "path": ["type"],
		"fix": [{"op": "set", "path": ["type"], "value": "SecureString"}],
	}} with input as {"resources": [param({"name": "/app/prod/db_password", "type": "String", "value": "x"})]}
}

test_secure_string_passes if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/prod/db_password", "type": "SecureString"})]}
}

test_ordinary_name_passes if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/prod/instance_count", "type": "String"})]}
}

test_unknown_name_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": {"$unknown": "var.name"}, "type": "String"})]}
}

test_unknown_type_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/ci/github-token", "type": {"$unknown": "var.type"}})]}
}

test_template_with_unknown_part_is_judged_by_its_literal_text if {
	some f in rule.deny with input as {"resources": [param({"name": {"$unknown": "\"/${var.env}/database/password\""}, "type": "String"})]}
	contains(f.msg, "(/*/database/password)")
}

test_unknown_parts_do_not_count if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": {"$unknown": "\"/${var.env}/${var.secret_name}\""}, "type": "String"})]}
	count(rule.deny) == 0 with input as {"resources": [param({"name": {"$unknown": "var.db_password_name"}, "type": "String"})]}
}

# Held-out round 18 (Bedrock RAG sample): a parameter naming where a secret is kept is no secret.
test_secret_arn_by_name_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/bedrock-rag-template/PG_VECTOR_SECRET_ARN", "type": "String", "value": {"$unknown": "each.value"}})]}
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/db-password-arn", "type": "String"})]}
}

test_secret_arn_by_value_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/db_secret", "type": "String", "value": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"})]}
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/db_secret", "type": "String", "value": {"$unknown": "aws_secretsmanager_secret.db.arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [param({"name": "/app/db_secret", "type": "String", "value": {"$unknown": "module.db.master_secret_arn"}})]}
}

test_secret_value_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [param({"name": "/app/db_secret", "type": "String", "value": {"$unknown": "random_password.db.result"}})]}
	count(rule.deny) == 1 with input as {"resources": [param({"name": "/app/arnold_token", "type": "String", "value": "x"})]}
}

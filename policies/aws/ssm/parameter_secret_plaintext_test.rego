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

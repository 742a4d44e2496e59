package palisade.aws.cognito.user_pool_password_short_test

import data.palisade.aws.cognito.user_pool_password_short as rule

pool(config) := {"resources": [{
	"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p",
	"config": config, "references": [],
}]}

test_short_length_fires_with_set if {
	rule.deny == {{
		"msg": "aws_cognito_user_pool.p accepts passwords of 6 characters (password_policy.minimum_length below 8)",
		"resource": "aws_cognito_user_pool.p", "path": ["password_policy", 0, "minimum_length"],
		"fix": [{"op": "set", "path": ["password_policy", 0, "minimum_length"], "value": 8}],
	}} with input as pool({"name": "p", "password_policy": [{"minimum_length": 6}]})
	count(rule.deny) == 1 with input as pool({"name": "p", "password_policy": [{"minimum_length": "7"}]})
}

test_eight_or_more_or_left_out_passes if {
	count(rule.deny) == 0 with input as pool({"name": "p", "password_policy": [{"minimum_length": 8}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "password_policy": [{"minimum_length": 14}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "password_policy": [{"require_numbers": true}]})
	count(rule.deny) == 0 with input as pool({"name": "p"})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as pool({"name": "p", "password_policy": [{"minimum_length": {"$unknown": "var.len"}}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "password_policy": {"$unknown": "dynamic"}})
}

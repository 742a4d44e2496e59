package palisade.aws.iam.password_expiration_too_long_test

import data.palisade.aws.iam.password_expiration_too_long as rule

policy(config) := {"address": "aws_iam_account_password_policy.p", "type": "aws_iam_account_password_policy", "name": "p", "config": config, "references": []}

test_long_age_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_account_password_policy.p does not expire passwords within 90 days",
		"resource": "aws_iam_account_password_policy.p", "path": ["max_password_age"],
		"fix": [{"op": "set", "path": ["max_password_age"], "value": 90}],
	}} with input as {"resources": [policy({"max_password_age": 180})]}
}

test_unset_fires if {
	findings := rule.deny with input as {"resources": [policy({"minimum_password_length": 14})]}
	[f.path | some f in findings] == [["max_password_age"]]
}

test_short_age_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"max_password_age": 90})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"max_password_age": 30})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"max_password_age": {"$unknown": "var.days"}})]}
}

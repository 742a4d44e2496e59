package palisade.aws.iam.password_change_not_allowed_test

import data.palisade.aws.iam.password_change_not_allowed as rule

policy(config) := {"address": "aws_iam_account_password_policy.p", "type": "aws_iam_account_password_policy", "name": "p", "config": config, "references": []}

test_false_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_account_password_policy.p does not let IAM users change their own passwords",
		"resource": "aws_iam_account_password_policy.p", "path": ["allow_users_to_change_password"],
		"fix": [{"op": "set", "path": ["allow_users_to_change_password"], "value": true}],
	}} with input as {"resources": [policy({"allow_users_to_change_password": false})]}
}

test_unset_fires if {
	count(rule.deny) == 1 with input as {"resources": [policy({"minimum_password_length": 14})]}
}

test_true_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"allow_users_to_change_password": true})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"allow_users_to_change_password": "true"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"allow_users_to_change_password": {"$unknown": "var.allow"}})]}
}

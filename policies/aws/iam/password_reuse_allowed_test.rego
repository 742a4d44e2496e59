package palisade.aws.iam.password_reuse_allowed_test

import data.palisade.aws.iam.password_reuse_allowed as rule

policy(config) := {"address": "aws_iam_account_password_policy.p", "type": "aws_iam_account_password_policy", "name": "p", "config": config, "references": []}

test_low_value_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_account_password_policy.p does not prevent reuse of the last 24 passwords",
		"resource": "aws_iam_account_password_policy.p", "path": ["password_reuse_prevention"],
		"fix": [{"op": "set", "path": ["password_reuse_prevention"], "value": 24}],
	}} with input as {"resources": [policy({"password_reuse_prevention": 5})]}
}

test_unset_fires if {
	findings := rule.deny with input as {"resources": [policy({"minimum_password_length": 14})]}
	[f.path | some f in findings] == [["password_reuse_prevention"]]
}

test_24_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"password_reuse_prevention": 24})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"password_reuse_prevention": "24"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"password_reuse_prevention": {"$unknown": "var.n"}})]}
}

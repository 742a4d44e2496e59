package palisade.aws.iam.password_policy_weak_test

import data.palisade.aws.iam.password_policy_weak as rule

policy(config) := {"address": "aws_iam_account_password_policy.strict", "type": "aws_iam_account_password_policy", "name": "strict", "config": config, "references": []}

test_short_length_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_account_password_policy.strict allows passwords shorter than 14 characters",
		"resource": "aws_iam_account_password_policy.strict", "path": ["minimum_password_length"],
		"fix": [{"op": "set", "path": ["minimum_password_length"], "value": 14}],
	}} with input as {"resources": [policy({"minimum_password_length": 8, "password_reuse_prevention": 24})]}
}

test_unset_length_fires if {
	findings := rule.deny with input as {"resources": [policy({"password_reuse_prevention": 24})]}
	[f.path | some f in findings] == [["minimum_password_length"]]
}

test_reuse_is_not_this_rule if {
	count(rule.deny) == 0 with input as {"resources": [policy({"minimum_password_length": 16})]}
}

test_strict_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"minimum_password_length": 14, "password_reuse_prevention": 24})]}
}

test_unknown_does_not_fire if {
	u := {"$unknown": "var.n"}
	count(rule.deny) == 0 with input as {"resources": [policy({"minimum_password_length": u, "password_reuse_prevention": u})]}
}

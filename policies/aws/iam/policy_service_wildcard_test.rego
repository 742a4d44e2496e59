package palisade.aws.iam.policy_service_wildcard_test

import data.palisade.aws.iam.policy_service_wildcard as rule

policy(statement) := {"address": "aws_iam_role_policy.app", "type": "aws_iam_role_policy", "name": "app", "config": {"role": "app", "policy": {"Statement": [statement]}}, "references": []}

test_service_wildcard_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows every action of a service: dynamodb:*, s3:*",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Action"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:*", "dynamodb:*", "sqs:SendMessage"], "Resource": "arn:aws:s3:::b"})]}
}

test_specific_or_deny_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": [{"$unknown": "var.action"}], "Resource": "*"})]}
}

test_permission_set_inline_policy_fires if {
	inline := {"address": "aws_ssoadmin_permission_set_inline_policy.ops", "type": "aws_ssoadmin_permission_set_inline_policy", "name": "ops", "references": [], "config": {
		"inline_policy": {"Statement": [
			{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
			{"Effect": "Allow", "Action": ["s3:HeadBucket", "iam:*"], "Resource": "*"},
		]},
		"permission_set_arn": "arn:aws:sso:::permissionSet/ssoins-1/ps-1",
	}}
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set_inline_policy.ops allows every action of a service: iam:*",
		"resource": "aws_ssoadmin_permission_set_inline_policy.ops", "path": ["inline_policy", "Statement", 1, "Action"],
	}} with input as {"resources": [inline]}
}

doc(statements) := {"address": "aws_iam_policy.ops", "type": "aws_iam_policy", "name": "ops", "config": {"policy": {"Statement": statements}}, "references": []}

test_wildcard_denied_in_the_same_document_passes if {
	# Deny wins: "iam:*" beside an unconditional "Deny iam:*" (or "*") on every resource grants nothing.
	count(rule.deny) == 0 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}])]}
	count(rule.deny) == 0 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}])]}

	# Part of the service denied, a condition, one resource, or another document's Deny: still reported.
	every deny in [
		{"Effect": "Deny", "Action": "iam:Create*", "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:role/admin"},
	] {
		count(rule.deny) == 1 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, deny])]}
	}
	count(rule.deny) == 1 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]), policy({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})]}
}

package palisade.aws.sso.permission_set_full_admin_test

import data.palisade.aws.sso.permission_set_full_admin as rule

inline(statement) := {"address": "aws_ssoadmin_permission_set_inline_policy.p", "type": "aws_ssoadmin_permission_set_inline_policy", "name": "p", "references": [], "config": {"inline_policy": {"Statement": [statement]}}}

test_star_star_fires if {
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set_inline_policy.p allows all actions on all resources",
		"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy"],
		"related": [{"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy", "Statement", 0, "Action"], "msg": "allows \"*\" on \"*\""}],
	}} with input as {"resources": [inline({"Effect": "Allow", "Action": ["*"], "Resource": ["*"]})]}
}

test_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": {"$unknown": "var.actions"}, "Resource": "*"})]}
}

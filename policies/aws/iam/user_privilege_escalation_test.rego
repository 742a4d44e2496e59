package palisade.aws.iam.user_privilege_escalation_test

import data.palisade.aws.iam.user_privilege_escalation as rule

user := {"address": "aws_iam_user.dev", "type": "aws_iam_user", "name": "dev", "config": {"name": "dev"}, "references": []}

user_policy(actions) := {"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "references": [{"path": ["user"], "target": "aws_iam_user.dev", "attribute": "name"}], "config": {
	"user": "dev",
	"policy": {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]},
}}

test_create_access_key_fires if {
	rule.deny == {{
		"msg": "aws_iam_user.dev can escalate its privileges with iam:CreateAccessKey (granted by aws_iam_user_policy.p)",
		"resource": "aws_iam_user.dev", "path": [],
		"related": [{"resource": "aws_iam_user_policy.p", "path": ["policy", "Statement", 0], "msg": "grants iam:CreateAccessKey"}],
	}} with input as {"resources": [user, user_policy(["iam:CreateAccessKey", "s3:GetObject"])]}
}

test_group_membership_grants if {
	group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}
	group_policy := {"address": "aws_iam_group_policy.g", "type": "aws_iam_group_policy", "name": "g", "config": {"group": "ops", "policy": {"Statement": {"Effect": "Allow", "Action": "lambda:UpdateFunctionCode", "Resource": "*"}}}, "references": []}
	membership := {"address": "aws_iam_group_membership.m", "type": "aws_iam_group_membership", "name": "m", "config": {"group": "ops", "users": ["dev"]}, "references": []}
	findings := rule.deny with input as {"resources": [user, group, group_policy, membership]}
	[f.msg | some f in findings] == ["aws_iam_user.dev can escalate its privileges with lambda:UpdateFunctionCode (granted by aws_iam_group_policy.g)"]
}

test_harmless_actions_pass if {
	count(rule.deny) == 0 with input as {"resources": [user, user_policy(["ec2:Describe*", "iam:Get*", "iam:PassRole"])]}
	count(rule.deny) == 0 with input as {"resources": [user, object.union(user_policy("iam:CreateAccessKey"), {"config": {"user": "other", "policy": user_policy("*").config.policy}, "references": []})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [user, user_policy({"$unknown": "var.actions"})]}
	count(rule.deny) == 0 with input as {"resources": [user, user_policy([{"$unknown": "var.action"}])]}
}

# IAMFullAccess attached to a group the user belongs to (an AWS managed policy, so no document).
test_group_managed_iam_full_access_fires if {
	group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}
	attachment := {"address": "aws_iam_group_policy_attachment.a", "type": "aws_iam_group_policy_attachment", "name": "a", "config": {"group": "ops", "policy_arn": "arn:aws:iam::aws:policy/IAMFullAccess"}, "references": []}
	membership := {"address": "aws_iam_group_membership.m", "type": "aws_iam_group_membership", "name": "m", "config": {"group": "ops", "users": ["dev"]}, "references": []}
	rule.deny == {{
		"msg": "aws_iam_user.dev can escalate its privileges with the AWS managed IAMFullAccess (iam:* on every resource)",
		"resource": "aws_iam_user.dev", "path": [],
	}} with input as {"resources": [user, group, attachment, membership]}
	count(rule.deny) == 0 with input as {"resources": [user, group, attachment]}
}

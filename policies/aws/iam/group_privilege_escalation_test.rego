package palisade.aws.iam.group_privilege_escalation_test

import data.palisade.aws.iam.group_privilege_escalation as rule

group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}

managed(actions) := {"address": "aws_iam_policy.m", "type": "aws_iam_policy", "name": "m", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}}, "references": []}

attachment := {"address": "aws_iam_group_policy_attachment.a", "type": "aws_iam_group_policy_attachment", "name": "a", "config": {"group": {"$unknown": "aws_iam_group.ops.name"}, "policy_arn": {"$unknown": "aws_iam_policy.m.arn"}}, "references": [
	{"path": ["group"], "target": "aws_iam_group.ops", "attribute": "name"},
	{"path": ["policy_arn"], "target": "aws_iam_policy.m", "attribute": "arn"},
]}

test_attached_put_policy_fires if {
	rule.deny == {{
		"msg": "aws_iam_group.ops can escalate its privileges with iam:PutGroupPolicy (granted by aws_iam_policy.m)",
		"resource": "aws_iam_group.ops", "path": [],
		"related": [{"resource": "aws_iam_policy.m", "path": ["policy", "Statement", 0], "msg": "grants iam:PutGroupPolicy"}],
	}} with input as {"resources": [group, managed("iam:PutGroupPolicy"), attachment]}
}

test_unattached_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [group, managed("iam:PutGroupPolicy")]}
	count(rule.deny) == 0 with input as {"resources": [group, managed(["iam:List*", "sts:AssumeRole"]), attachment]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group, managed({"$unknown": "var.actions"}), attachment]}
}

test_managed_iam_full_access_fires if {
	group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}
	attachment := {"address": "aws_iam_group_policy_attachment.a", "type": "aws_iam_group_policy_attachment", "name": "a", "config": {"group": "ops", "policy_arn": "arn:aws-us-gov:iam::aws:policy/IAMFullAccess"}, "references": []}
	rule.deny == {{
		"msg": "aws_iam_group.ops can escalate its privileges with the AWS managed IAMFullAccess (iam:* on every resource)",
		"resource": "aws_iam_group.ops", "path": [],
	}} with input as {"resources": [group, attachment]}
}

package palisade.aws.iam.group_without_users_test

import data.palisade.aws.iam.group_without_users as rule

group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}

membership(users, group_value, references) := {"address": "aws_iam_group_membership.m", "type": "aws_iam_group_membership", "name": "m", "config": {"name": "m", "users": users, "group": group_value}, "references": references}

test_no_membership_fires if {
	rule.deny == {{"msg": "aws_iam_group.ops has no users", "resource": "aws_iam_group.ops", "path": []}} with input as {"resources": [group]}
	count(rule.deny) == 1 with input as {"resources": [group, membership([], "ops", [])]}
	count(rule.deny) == 1 with input as {"resources": [group, membership(["a"], "other", [])]}
}

test_members_pass if {
	count(rule.deny) == 0 with input as {"resources": [group, membership(["a"], "ops", [])]}
	count(rule.deny) == 0 with input as {"resources": [group, membership([{"$unknown": "aws_iam_user.a.name"}], {"$unknown": "aws_iam_group.ops.name"}, [{"path": ["group"], "target": "aws_iam_group.ops", "attribute": "name"}])]}
	user_groups := {"address": "aws_iam_user_group_membership.u", "type": "aws_iam_user_group_membership", "name": "u", "config": {"user": "a", "groups": ["ops"]}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [group, user_groups]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group, membership(["a"], {"$unknown": "var.group"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [group, membership({"$unknown": "var.users"}, "ops", [])]}
}

package palisade.aws.iam.user_policy_attached_test

import data.palisade.aws.iam.user_policy_attached as rule

test_user_attachment_fires if {
	a := {"address": "aws_iam_user_policy_attachment.bob", "type": "aws_iam_user_policy_attachment", "name": "bob", "config": {"user": "bob", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, "references": []}
	rule.deny == {{"msg": "aws_iam_user_policy_attachment.bob grants permissions directly to a user", "resource": "aws_iam_user_policy_attachment.bob", "path": ["user"]}} with input as {"resources": [a]}
}

test_policy_attachment_with_users_fires if {
	a := {"address": "aws_iam_policy_attachment.x", "type": "aws_iam_policy_attachment", "name": "x", "config": {"users": ["bob"], "roles": ["app"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_policy_attachment.x attaches a policy directly to users", "resource": "aws_iam_policy_attachment.x", "path": ["users"]}} with input as {"resources": [a]}
}

test_group_and_role_attachments_pass if {
	g := {"address": "aws_iam_group_policy_attachment.g", "type": "aws_iam_group_policy_attachment", "name": "g", "config": {"group": "devs"}, "references": []}
	a := {"address": "aws_iam_policy_attachment.x", "type": "aws_iam_policy_attachment", "name": "x", "config": {"users": [], "roles": ["app"]}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [g, a]}
}

test_unknown_users_do_not_fire if {
	a := {"address": "aws_iam_policy_attachment.x", "type": "aws_iam_policy_attachment", "name": "x", "config": {"users": {"$unknown": "var.users"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [a]}
}

# AWS user names are at least one character long: an empty string names no user.
test_policy_attachment_with_only_blank_user_names_passes if {
	a := {"address": "aws_iam_policy_attachment.x", "type": "aws_iam_policy_attachment", "name": "x", "config": {"users": [""], "groups": ["devs"]}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [a]}
}

test_policy_attachment_with_a_blank_and_a_real_user_fires if {
	a := {"address": "aws_iam_policy_attachment.x", "type": "aws_iam_policy_attachment", "name": "x", "config": {"users": ["", "bob"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_policy_attachment.x attaches a policy directly to users", "resource": "aws_iam_policy_attachment.x", "path": ["users"]}} with input as {"resources": [a]}
}

# Provider v5.7x's exclusive attachment for a user: non-empty policy_arns attach to the user.
test_user_exclusive_attachment_fires if {
	ex := {"address": "aws_iam_user_policy_attachments_exclusive.bob", "type": "aws_iam_user_policy_attachments_exclusive", "name": "bob", "config": {"user_name": "bob", "policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_user_policy_attachments_exclusive.bob attaches managed policies directly to a user", "resource": "aws_iam_user_policy_attachments_exclusive.bob", "path": ["policy_arns"]}} with input as {"resources": [ex]}
	count(rule.deny) == 0 with input as {"resources": [json.patch(ex, [{"op": "replace", "path": "/config/policy_arns", "value": []}])]}
}

package palisade.aws.iam.user_multiple_access_keys_test

import data.palisade.aws.iam.user_multiple_access_keys as rule

key(name, config, references) := {"address": sprintf("aws_iam_access_key.%s", [name]), "type": "aws_iam_access_key", "name": name, "config": config, "references": references}

ref := [{"path": ["user"], "target": "aws_iam_user.ci", "attribute": "name"}]

test_two_keys_fire if {
	rule.deny == {
		{"msg": "aws_iam_access_key.a is one of 2 active access keys of the same user", "resource": "aws_iam_access_key.a", "path": ["user"]},
		{"msg": "aws_iam_access_key.b is one of 2 active access keys of the same user", "resource": "aws_iam_access_key.b", "path": ["user"]},
	} with input as {"resources": [key("a", {"user": {"$unknown": "aws_iam_user.ci.name"}}, ref), key("b", {"user": "ci"}, ref)]}
	count(rule.deny) == 2 with input as {"resources": [key("a", {"user": "ci"}, []), key("b", {"user": "ci", "status": "Active"}, [])]}
}

test_one_active_key_passes if {
	count(rule.deny) == 0 with input as {"resources": [key("a", {"user": "ci"}, []), key("b", {"user": "ci", "status": "Inactive"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [key("a", {"user": "ci"}, []), key("b", {"user": "ops"}, [])]}
}

test_unknown_does_not_fire if {
	u := {"$unknown": "var.user"}
	count(rule.deny) == 0 with input as {"resources": [key("a", {"user": u}, []), key("b", {"user": u}, [])]}
	count(rule.deny) == 0 with input as {"resources": [key("a", {"user": "ci"}, []), key("b", {"user": "ci", "status": {"$unknown": "var.s"}}, [])]}
}

test_literal_name_and_reference_to_the_same_user if {
	user := {"address": "aws_iam_user.ci", "type": "aws_iam_user", "name": "ci", "config": {"name": "ci-bot"}, "references": []}
	by_name := key("a", {"user": "ci-bot"}, [])
	by_ref := key("b", {"user": {"$unknown": "aws_iam_user.ci.name"}}, ref)
	count(rule.deny) == 2 with input as {"resources": [user, by_name, by_ref]}
	count(rule.deny) == 0 with input as {"resources": [user, key("a", {"user": "someone-else"}, []), by_ref]}
}

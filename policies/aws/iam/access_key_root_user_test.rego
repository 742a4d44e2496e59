package palisade.aws.iam.access_key_root_user_test

import data.palisade.aws.iam.access_key_root_user as rule

key(config) := {"address": "aws_iam_access_key.k", "type": "aws_iam_access_key", "name": "k", "config": config, "references": []}

test_root_key_fires if {
	rule.deny == {{"msg": "aws_iam_access_key.k is an active access key for a user named root", "resource": "aws_iam_access_key.k", "path": ["user"], "fix": [{"op": "set", "path": ["status"], "value": "Inactive"}]}} with input as {"resources": [key({"user": "root"})]}
	count(rule.deny) == 1 with input as {"resources": [key({"user": "root", "status": "Active"})]}
}

test_other_user_or_inactive_passes if {
	count(rule.deny) == 0 with input as {"resources": [key({"user": "deploy"})]}
	count(rule.deny) == 0 with input as {"resources": [key({"user": "root", "status": "Inactive"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [key({"user": {"$unknown": "var.user"}})]}
	count(rule.deny) == 0 with input as {"resources": [key({"user": "root", "status": {"$unknown": "var.status"}})]}
}

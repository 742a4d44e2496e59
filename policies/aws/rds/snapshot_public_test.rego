package palisade.aws.rds.snapshot_public_test

import data.palisade.aws.rds.snapshot_public as rule

snap(type, accounts) := {"resources": [{"address": concat(".", [type, "s"]), "type": type, "name": "s", "config": {"shared_accounts": accounts}, "references": []}]}

test_public_snapshot_fires_and_keeps_named_accounts if {
	rule.deny == {{"msg": "aws_db_snapshot.s makes the snapshot public (shared_accounts includes \"all\")", "resource": "aws_db_snapshot.s", "path": ["shared_accounts"], "fix": [{"op": "set", "path": ["shared_accounts"], "value": ["111122223333"]}]}} with input as snap("aws_db_snapshot", ["111122223333", "all"])
	count(rule.deny) == 1 with input as snap("aws_db_cluster_snapshot", ["all"])
	count(rule.deny) == 1 with input as snap("aws_db_snapshot_copy", ["ALL"])
}

test_unknown_element_has_no_fix if {
	rule.deny == {{"msg": "aws_db_snapshot.s makes the snapshot public (shared_accounts includes \"all\")", "resource": "aws_db_snapshot.s", "path": ["shared_accounts"]}} with input as snap("aws_db_snapshot", ["all", {"$unknown": "var.account"}])
}

test_private_or_unknown_passes if {
	count(rule.deny) == 0 with input as snap("aws_db_snapshot", ["111122223333"])
	count(rule.deny) == 0 with input as snap("aws_db_snapshot", [])
	count(rule.deny) == 0 with input as snap("aws_db_snapshot", {"$unknown": "var.accounts"})
	count(rule.deny) == 0 with input as snap("aws_db_snapshot", [{"$unknown": "var.account"}])
}

package palisade.aws.rds.snapshot_public_test

import data.palisade.aws.rds.snapshot_public as rule

snap(type, accounts) := {"address": sprintf("%s.s", [type]), "type": type, "name": "s", "config": {"shared_accounts": accounts}, "references": []}

test_public_snapshot_fires_and_the_fix_drops_the_share if {
	rule.deny == {{
		"msg": "aws_db_snapshot.s is shared with all AWS accounts (shared_accounts includes \"all\")",
		"resource": "aws_db_snapshot.s", "path": ["shared_accounts"],
		"fix": [{"op": "remove", "path": ["shared_accounts"]}],
	}} with input as {"resources": [snap("aws_db_snapshot", ["all"])]}
}

test_named_accounts_are_kept if {
	some f in rule.deny with input as {"resources": [snap("aws_db_cluster_snapshot", ["111122223333", "All"])]}
	f.fix == [{"op": "set", "path": ["shared_accounts"], "value": ["111122223333"]}]
	count(rule.deny) == 1 with input as {"resources": [snap("aws_db_snapshot_copy", [" all "])]}
}

test_unknown_elements_fire_without_a_fix if {
	some f in rule.deny with input as {"resources": [snap("aws_db_snapshot", ["all", {"$unknown": "var.account"}])]}
	not f.fix
}

test_private_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [snap("aws_db_snapshot", ["111122223333"])]}
	count(rule.deny) == 0 with input as {"resources": [snap("aws_db_snapshot", [])]}
	count(rule.deny) == 0 with input as {"resources": [snap("aws_db_snapshot", {"$unknown": "var.accounts"})]}
	count(rule.deny) == 0 with input as {"resources": [snap("aws_db_snapshot", [{"$unknown": "var.account"}])]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_snapshot.s", "type": "aws_db_snapshot", "name": "s", "config": {}, "references": []}]}

	# Another resource's shared_accounts is not a snapshot's.
	count(rule.deny) == 0 with input as {"resources": [snap("aws_ram_resource_share", ["all"])]}
}

package palisade.aws.neptune.snapshot_tags_not_copied_test

import data.palisade.aws.neptune.snapshot_tags_not_copied as rule

cluster(config) := {"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": config, "references": []}

test_false_fires if {
	rule.deny == {{
		"msg": "aws_neptune_cluster.this does not copy its tags to its snapshots",
		"resource": "aws_neptune_cluster.this", "path": ["copy_tags_to_snapshot"],
		"fix": [{"op": "set", "path": ["copy_tags_to_snapshot"], "value": true}],
	}} with input as {"resources": [cluster({"copy_tags_to_snapshot": false})]}
}

# Unset is the provider's default, false.
test_unset_fires if {
	count(rule.deny) == 1 with input as {"resources": [cluster({})]}
}

test_true_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"copy_tags_to_snapshot": true})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"copy_tags_to_snapshot": {"$unknown": "var.copy"}})]}
}

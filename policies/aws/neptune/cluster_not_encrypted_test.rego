package palisade.aws.neptune.cluster_not_encrypted_test

import data.palisade.aws.neptune.cluster_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_neptune_cluster.this does not encrypt its storage", "resource": "aws_neptune_cluster.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"storage_encrypted": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_neptune_cluster.this does not encrypt its storage", "resource": "aws_neptune_cluster.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"storage_encrypted": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"storage_encrypted": {"$unknown": "var.x"}}, "references": []}]}
}

test_restore_from_snapshot_takes_its_encryption if {
	restored := {"address": "aws_neptune_cluster.r", "type": "aws_neptune_cluster", "name": "r", "config": {"snapshot_identifier": "snap"}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [restored]}
	count(rule.deny) == 1 with input as {"resources": [object.union(restored, {"config": {"snapshot_identifier": ""}})]}
}

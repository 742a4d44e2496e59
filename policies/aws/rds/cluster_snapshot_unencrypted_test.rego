package palisade.aws.rds.cluster_snapshot_unencrypted_test

import data.palisade.aws.rds.cluster_snapshot_unencrypted as rule

cluster(config) := {"address": "aws_rds_cluster.c", "type": "aws_rds_cluster", "name": "c", "config": config, "references": []}

snapshot := {"address": "aws_db_cluster_snapshot.s", "type": "aws_db_cluster_snapshot", "name": "s", "config": {"db_cluster_identifier": {"$unknown": "aws_rds_cluster.c.id"}}, "references": [{"path": ["db_cluster_identifier"], "target": "aws_rds_cluster.c", "attribute": "id"}]}

test_fires if {
	rule.deny == {{"msg": "aws_db_cluster_snapshot.s is a snapshot of the unencrypted cluster aws_rds_cluster.c", "resource": "aws_db_cluster_snapshot.s", "path": [], "related": [{"resource": "aws_rds_cluster.c", "path": ["storage_encrypted"], "msg": "not encrypted"}], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true, "resource": "aws_rds_cluster.c"}]}} with input as {"resources": [cluster({"storage_encrypted": false}), snapshot]}
	count(rule.deny) == 1 with input as {"resources": [cluster({}), snapshot]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"storage_encrypted": true}), snapshot]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"storage_encrypted": false})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"storage_encrypted": {"$unknown": "var.x"}}), snapshot]}
}

# Pass-through snapshot_identifier / replication_source_identifier = null or "" are not sources.
test_null_or_empty_sources_still_fire if {
	count(rule.deny) == 1 with input as {"resources": [cluster({"storage_encrypted": null, "snapshot_identifier": null, "replication_source_identifier": ""}), snapshot]}
}

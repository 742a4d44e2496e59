package palisade.aws.rds.cluster_snapshot_unencrypted_test

import data.palisade.aws.rds.cluster_snapshot_unencrypted as rule

cluster(config) := {"address": "aws_rds_cluster.c", "type": "aws_rds_cluster", "name": "c", "config": config, "references": []}

snapshot := {"address": "aws_db_cluster_snapshot.s", "type": "aws_db_cluster_snapshot", "name": "s", "config": {"db_cluster_identifier": {"$unknown": "aws_rds_cluster.c.id"}}, "references": [{"path": ["db_cluster_identifier"], "target": "aws_rds_cluster.c", "attribute": "id"}]}

test_fires if {
	rule.deny == {{"msg": "aws_db_cluster_snapshot.s is a snapshot of the unencrypted cluster aws_rds_cluster.c", "resource": "aws_db_cluster_snapshot.s", "path": [], "related": [{"resource": "aws_rds_cluster.c", "path": ["storage_encrypted"], "msg": "not encrypted"}], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true, "resource": "aws_rds_cluster.c"}], "peers": [{}]}} with input as {"resources": [cluster({"storage_encrypted": false}), snapshot]}
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

# CloudSploit's rdsSnapshotEncryption (session 21): a manual aws_db_snapshot of an instance is as
# unencrypted as the instance.
instance(config) := {"address": "aws_db_instance.d", "type": "aws_db_instance", "name": "d", "config": config, "references": []}

db_snapshot := {"address": "aws_db_snapshot.s", "type": "aws_db_snapshot", "name": "s", "config": {"db_instance_identifier": {"$unknown": "aws_db_instance.d.identifier"}}, "references": [{"path": ["db_instance_identifier"], "target": "aws_db_instance.d", "attribute": "identifier"}]}

test_instance_snapshot_fires if {
	rule.deny == {{"msg": "aws_db_snapshot.s is a snapshot of the unencrypted database aws_db_instance.d", "resource": "aws_db_snapshot.s", "path": [], "related": [{"resource": "aws_db_instance.d", "path": ["storage_encrypted"], "msg": "not encrypted"}], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true, "resource": "aws_db_instance.d"}], "peers": [{}]}} with input as {"resources": [instance({"engine": "mysql"}), db_snapshot]}
	count(rule.deny) == 1 with input as {"resources": [instance({"engine": "postgres", "storage_encrypted": false}), db_snapshot]}
}

# Encrypted, keyed, or taking its encryption from elsewhere (a read replica's is its source's, a
# restored instance's its snapshot's or point-in-time source's, an Aurora instance's its cluster's): no finding here.
test_instance_snapshot_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql", "storage_encrypted": true}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/abc"}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"replicate_source_db": "primary"}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql", "snapshot_identifier": "snap"}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql", "restore_to_point_in_time": [{"source_db_instance_identifier": "prod"}]}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "aurora-mysql"}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql", "storage_encrypted": {"$unknown": "var.x"}}), db_snapshot]}
	count(rule.deny) == 0 with input as {"resources": [instance({"engine": "mysql"})]}
}

# A cluster restored to a point in time has its source's encryption (no StorageEncrypted in
# RestoreDBClusterToPointInTime): its snapshot is not judged here.
test_point_in_time_cluster_snapshot_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "restore_to_point_in_time": [{"source_cluster_identifier": "prod"}]}), snapshot]}
}

# No peer comment silences either part: Checkov's CKV_AWS_146 and the KICS query fail every
# aws_db_cluster_snapshot (storage_encrypted is computed there) and do not read aws_db_snapshot.
test_no_peer_ids if {
	rule.no_peers == {}
}

package palisade.aws.rds.storage_not_encrypted_test

import data.palisade.aws.rds.storage_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not encrypt its storage", "resource": "aws_db_instance.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not encrypt its storage", "resource": "aws_db_instance.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres"}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": {"$unknown": "var.x"}}, "references": []}]}
}

test_kms_key_counts_as_encrypted if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "kms_key_id": {"$unknown": "aws_kms_key.k.arn"}}, "references": []}]}
}

test_opaque_module_fires_only_when_disabled if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {"storage_encrypted": false}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {}}]}
}

test_empty_kms_key_does_not_count_as_encrypted if {
	rule.deny == {{"msg": "aws_rds_cluster.this does not encrypt its storage", "resource": "aws_rds_cluster.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"kms_key_id": ""}, "references": []}]}
}

test_unknown_kms_key_counts_as_asked if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"kms_key_id": {"$unknown": "var.key"}}, "references": []}]}
}

test_opaque_rds_module_before_v3_defaults_to_unencrypted if {
	old := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "version": "~> 2.20", "config": {"engine": "mysql"}}
	{f.path | some f in rule.deny} == {["storage_encrypted"]} with input as {"resources": [], "modules": [old]}
	new := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "version": "~> 6.0", "config": {"engine": "mysql"}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [new]}
	replica := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "version": "2.20.0", "config": {"replicate_source_db": "primary"}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [replica]}
	off := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {"storage_encrypted": false, "create_db_instance": false}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

test_opaque_aurora_module_fires_only_when_disabled if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.a", "source": "terraform-aws-modules/rds-aurora/aws", "config": {"storage_encrypted": false}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.a", "source": "terraform-aws-modules/rds-aurora/aws", "config": {}}]}
}

# terraform-aws-modules/rds passes replicate_source_db = var.replicate_source_db (null unless a
# replica): a null or "" source is not a replica, and the unencrypted primary is still reported.
test_null_or_empty_replica_source_still_fires if {
	cfg := {"engine": "postgres", "storage_encrypted": false, "replicate_source_db": null, "replication_source_identifier": "", "snapshot_identifier": null}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": cfg, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": object.union(cfg, {"replicate_source_db": {"$unknown": "module.master.id"}}), "references": []}]}
}

# An Aurora engine on aws_db_instance: the cluster holds the storage and its encryption (a
# Sonar sonar-iac case, round 11); a cluster left unencrypted is still reported on the cluster.
test_aurora_instance_is_the_clusters if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "aurora-mysql", "storage_encrypted": false}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"engine": "aurora-mysql", "storage_encrypted": false}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": {"$unknown": "var.engine"}, "storage_encrypted": false}, "references": []}]}
}

# A point-in-time restore (restore_to_point_in_time block) takes its encryption from the source:
# RestoreDBInstanceToPointInTime and RestoreDBClusterToPointInTime take no StorageEncrypted, so an
# unset or false value says nothing, and setting true would replace the restored database on
# every plan when the source is unencrypted. A block list that is empty or unknown (a module's
# dynamic block) is read as written: empty is no restore, unknown may be one.
test_point_in_time_restore_takes_the_sources_encryption if {
	pitr := [{"source_db_instance_identifier": "prod", "use_latest_restorable_time": true}]
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "restore_to_point_in_time": pitr}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"engine": "aurora-mysql", "restore_to_point_in_time": [{"source_cluster_identifier": "prod"}]}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "restore_to_point_in_time": {"$unknown": "var.restore_to_point_in_time"}}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "restore_to_point_in_time": []}, "references": []}]}
}

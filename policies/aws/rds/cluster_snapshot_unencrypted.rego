# METADATA
# title: RDS snapshot is taken from an unencrypted database
# description: |
#   A manual aws_db_cluster_snapshot of a cluster without storage_encrypted = true, or an
#   aws_db_snapshot of a DB instance without it, is itself unencrypted: anyone the snapshot is
#   shared with, or who can restore it, reads the data in clear. Encrypt the source cluster or
#   instance (or copy the snapshot with a KMS key) before keeping or sharing snapshots.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html#Overview.Encryption.Limitations
# custom:
#   id: PAL-AWS-RDS-010
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_cluster_snapshot, aws_rds_cluster, aws_db_snapshot, aws_db_instance]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_146
#     kics: 656880aa-1388-488f-a6d4-8f73c23149b2
#   cwe: ["CWE-311"]
#   remediation: Set storage_encrypted = true on the source cluster or instance (or copy the snapshot with a KMS key).
#   fixable: true
package palisade.aws.rds.cluster_snapshot_unencrypted

import data.palisade.aws.rds.storage_not_encrypted as instance_rule
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No peer comment silences either part (docs/rules-authoring.md, "Peer ids per part"): Checkov's
# RDSClusterSnapshotEncrypted and the KICS query read the snapshot's own storage_encrypted, which
# aws_db_cluster_snapshot only computes, so they fail every cluster snapshot and a skip of them
# says nothing about the source cluster; neither reads aws_db_snapshot. `references` keep the ids
# for comparisons by vendor id.
no_peers := {}

# One finding per snapshot, on its header (a cluster snapshot has no encryption argument of its
# own); the cluster's `storage_encrypted` is the related location, and the fix sets it there, as
# PAL-AWS-EC2-009 does on the source volume and PAL-AWS-RDS-001 on the cluster's own finding (AWS
# replaces the cluster to encrypt it). The fix layer refuses it when the value comes from a variable.
deny contains result.with_peers(result.with_related(result.fail_fix(snapshot, [], msg, fix), [related(cluster)]), no_peers) if {
	some cluster in tf.resources("aws_rds_cluster")
	unencrypted(cluster)
	some snapshot in tf.referencing(cluster.address, "aws_db_cluster_snapshot", ["db_cluster_identifier"])
	msg := sprintf("%s is a snapshot of the unencrypted cluster %s", [snapshot.address, cluster.address])
	fix := [object.union(result.set(["storage_encrypted"], true), {"resource": cluster.address})]
}

# The same for an instance's snapshot, judged by PAL-AWS-RDS-001's reading of the instance: no
# snapshot, point-in-time, replica or Aurora source to inherit encryption from, no key, storage_encrypted unset or
# false.
deny contains result.with_peers(result.with_related(result.fail_fix(snapshot, [], msg, fix), [related(db)]), no_peers) if {
	some db in tf.resources("aws_db_instance")
	instance_unencrypted(db)
	some snapshot in tf.referencing(db.address, "aws_db_snapshot", ["db_instance_identifier"])
	msg := sprintf("%s is a snapshot of the unencrypted database %s", [snapshot.address, db.address])
	fix := [object.union(result.set(["storage_encrypted"], true), {"resource": db.address})]
}

related(source) := result.related(source, ["storage_encrypted"], "not encrypted")

unencrypted(cluster) if {
	tf.unset(cluster, ["snapshot_identifier"])
	tf.unset(cluster, ["replication_source_identifier"])
	not instance_rule.point_in_time_restore(cluster)
	tf.missing_attr(cluster, ["kms_key_id"])
	tf.missing_attr(cluster, ["storage_encrypted"])
}

unencrypted(cluster) if unknown.is_false(cluster.config.storage_encrypted)

instance_unencrypted(db) if {
	tf.unset(db, ["replicate_source_db"])
	tf.unset(db, ["snapshot_identifier"])
	not instance_rule.point_in_time_restore(db)
	not instance_rule.aurora_instance(db)
	instance_rule.no_key(db)
	instance_rule.bad(object.get(db.config, "storage_encrypted", null))
}

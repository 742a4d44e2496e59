# METADATA
# title: RDS storage is not encrypted
# description: |
#   The database instance or Aurora cluster does not set storage_encrypted = true, so its storage,
#   automated backups, read replicas and snapshots are unencrypted. Encryption can only be chosen
#   at creation; turning it on later means restoring from an encrypted snapshot copy. Replicas and
#   restores from snapshots or to a point in time inherit the source's setting and are not
#   reported; a kms_key_id counts as asking for encryption. Opaque terraform-aws-modules/rds calls
#   (which encrypt by default) are reported when they set storage_encrypted = false.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
# custom:
#   id: PAL-AWS-RDS-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.3.1"]
#   references:
#     checkov: [CKV_AWS_16, CKV_AWS_96]
#     trivy: [AVD-AWS-0080, AVD-AWS-0079]
#     kics: [3199c26c-7871-4cb3-99c2-10a59244ce7f, 1a690d1d-0ae7-49fa-b2db-b75ae0dd1d3e, 08bd0760-8752-44e1-9779-7bb369b2b4e4]
#   cwe: ["CWE-311"]
#   remediation: Set storage_encrypted = true (optionally with kms_key_id) when creating the database.
#   fixable: true
package palisade.aws.rds.storage_not_encrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_db_instance", "aws_rds_cluster"}

deny contains result.fail_fix(r, ["storage_encrypted"], msg(r), [result.set(["storage_encrypted"], true)]) if {
	some r in input.resources
	r.type in types
	tf.unset(r, ["replicate_source_db"])
	tf.unset(r, ["replication_source_identifier"])
	tf.unset(r, ["snapshot_identifier"])
	not point_in_time_restore(r)
	object.get(r.config, "engine_mode", "provisioned") != "serverless"
	not aurora_instance(r)
	no_key(r)
	bad(object.get(r.config, "storage_encrypted", null))
}

# The module encrypts unless told not to; its v2 and older defaulted storage_encrypted to false.
deny contains result.fail_fix(m, ["storage_encrypted"], msg(m), [result.set(["storage_encrypted"], true)]) if {
	some m in modules.rds_instances
	unknown.is_false(m.config.storage_encrypted)
}

deny contains result.fail_fix(m, ["storage_encrypted"], msg(m), [result.set(["storage_encrypted"], true)]) if {
	some m in modules.rds_instances
	modules.pinned_below(m, 3)
	object.get(m.config, "storage_encrypted", null) == null
	object.get(m.config, "replicate_source_db", null) in {null, ""}
	object.get(m.config, "snapshot_identifier", null) in {null, ""}
	object.get(m.config, "kms_key_id", null) in {null, ""}
}

# rds-aurora encrypts unless told not to, in every major.
deny contains result.fail_fix(m, ["storage_encrypted"], msg(m), [result.set(["storage_encrypted"], true)]) if {
	some m in modules.aurora_clusters
	unknown.is_false(m.config.storage_encrypted)
}

msg(r) := sprintf("%s does not encrypt its storage", [r.address])

# An Aurora instance (aws_db_instance with an aurora engine) keeps no storage of its own: the RDS
# API says StorageEncrypted does not apply to it, encryption is the cluster's (reported there).
aurora_instance(r) if {
	r.type == "aws_db_instance"
	startswith(lower(unknown.known_string(r.config.engine)), "aurora")
}

bad(null) := true

bad(v) if unknown.is_false(v)

# point_in_time_restore(r): a restore_to_point_in_time block, or one that is not known (a module's
# dynamic block over its variable). The restored database has its source's encryption:
# RestoreDBInstanceToPointInTime and RestoreDBClusterToPointInTime take no StorageEncrypted, so
# storage_encrypted says nothing here, and setting it to true replaces the database on every plan
# when the source is unencrypted.
point_in_time_restore(r) if count(tf.blocks(r, "restore_to_point_in_time")) > 0

point_in_time_restore(r) if unknown.is_unknown(object.get(r.config, "restore_to_point_in_time", []))

# kms_key_id = "" names no key either (tf.missing_attr counts it as unset).
no_key(r) if tf.missing_attr(r, ["kms_key_id"])

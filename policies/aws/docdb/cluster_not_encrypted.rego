# METADATA
# title: DocumentDB cluster storage is not encrypted
# description: |
#   Without storage_encrypted = true the cluster's storage, backups and snapshots are unencrypted.
#   It can only be set at creation.
#   A cluster restored from a snapshot takes the snapshot's encryption and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
# custom:
#   id: PAL-AWS-DOCDB-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_docdb_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_74
#     trivy: AVD-AWS-0021
#     kics: bc1f9009-84a0-490f-ae09-3e0ea6d74ad6
#   cwe: ["CWE-311"]
#   remediation: Set storage_encrypted = true.
#   fixable: true
package palisade.aws.docdb.cluster_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_docdb_cluster"}

deny contains result.fail_fix(r, ["storage_encrypted"], msg, [result.set(["storage_encrypted"], true)]) if {
	some r in input.resources
	r.type in types

	# A cluster restored from a snapshot takes the snapshot's encryption (an encrypted snapshot
	# cannot be restored unencrypted; a kms_key_id encrypts an unencrypted one), as RDS-001 judges.
	tf.unset(r, ["snapshot_identifier"])
	bad(object.get(r.config, "storage_encrypted", null))
	msg := sprintf("%s does not encrypt its storage", [r.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

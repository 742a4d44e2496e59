# METADATA
# title: Neptune cluster storage is not encrypted
# description: |
#   Without storage_encrypted = true the graph database's storage, backups and snapshots are
#   unencrypted. It can only be set at creation.
#   A cluster restored from a snapshot takes the snapshot's encryption and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
# custom:
#   id: PAL-AWS-NEPTUNE-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_44
#     trivy: AVD-AWS-0076
#     kics: 98d59056-f745-4ef5-8613-32bca8d40b7e
#   cwe: ["CWE-311"]
#   remediation: Set storage_encrypted = true.
#   fixable: true
package palisade.aws.neptune.cluster_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_neptune_cluster"}

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

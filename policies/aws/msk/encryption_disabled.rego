# METADATA
# title: MSK cluster does not fully encrypt its data
# description: |
#   An MSK cluster should encrypt data at rest with a customer managed KMS key and in transit with
#   TLS both between clients and brokers and inside the cluster. client_broker = "PLAINTEXT" or
#   "TLS_PLAINTEXT" lets clients send records unencrypted, in_cluster = false sends replication
#   traffic unencrypted, and without encryption_info at all the data at rest is under an AWS managed
#   key you cannot control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: PAL-AWS-MSK-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_msk_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_81
#     trivy: AVD-AWS-0073
#     kics: 6db52fa6-d4da-4608-908a-89f0c59e743e
#   cwe: ["CWE-311", "CWE-319"]
#   remediation: Set encryption_info with encryption_at_rest_kms_key_arn, client_broker = "TLS" and in_cluster = true.
#   fixable: true
package palisade.aws.msk.encryption_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Without encryption_info every setting is a default (AWS managed key at rest); the fix states
# TLS in transit explicitly, a customer managed key remains the user's choice.
deny contains result.fail_fix(r, ["encryption_info"], msg, [fix]) if {
	some r in tf.resources("aws_msk_cluster")
	tf.missing_attr(r, ["encryption_info"])
	fix := result.add_block([], "encryption_info", {"encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]})
	msg := sprintf("%s has no encryption_info: encryption is left to defaults (AWS managed key at rest)", [r.address])
}

# Both in-transit settings off: one finding on the block.
deny contains result.fail_fix(r, path, msg, fix) if {
	some b in transit_blocks
	r := b.resource
	path := b.path
	transit := b.transit
	plaintext_clients(transit)
	plaintext_cluster(transit)
	fix := [
		result.set(array.concat(path, ["client_broker"]), "TLS"),
		result.set(array.concat(path, ["in_cluster"]), true),
	]
	msg := sprintf("%s does not encrypt data in transit", [r.address])
}

deny contains result.fail_fix(r, array.concat(path, ["client_broker"]), msg, [result.set(array.concat(path, ["client_broker"]), "TLS")]) if {
	some b in transit_blocks
	r := b.resource
	path := b.path
	transit := b.transit
	plaintext_clients(transit)
	not plaintext_cluster(transit)
	msg := sprintf("%s accepts plaintext traffic from clients", [r.address])
}

deny contains result.fail_fix(r, array.concat(path, ["in_cluster"]), msg, [result.set(array.concat(path, ["in_cluster"]), true)]) if {
	some b in transit_blocks
	r := b.resource
	path := b.path
	transit := b.transit
	plaintext_cluster(transit)
	not plaintext_clients(transit)
	msg := sprintf("%s does not encrypt traffic between brokers", [r.address])
}

transit_blocks contains {"resource": r, "path": path, "transit": transit} if {
	some r in tf.resources("aws_msk_cluster")
	some i, info in tf.blocks(r, "encryption_info")
	some j, transit in unknown.items(object.get(info, "encryption_in_transit", []))
	path := ["encryption_info", i, "encryption_in_transit", j]
}

plaintext_clients(transit) if unknown.known_string(transit.client_broker) in {"PLAINTEXT", "TLS_PLAINTEXT"}

plaintext_cluster(transit) if unknown.is_false(transit.in_cluster)

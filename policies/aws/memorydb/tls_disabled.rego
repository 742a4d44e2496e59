# METADATA
# title: MemoryDB cluster does not encrypt traffic in transit
# description: |
#   With tls_enabled = false, clients and the cluster's nodes talk in clear text, so anyone able to
#   observe VPC traffic can read the data and the commands. A cluster without TLS can only use the
#   open-access ACL (MemoryDB refuses any other), so it also takes no passwords or IAM
#   authentication. The provider defaults tls_enabled to true; TLS is chosen when the cluster is
#   created, and changing it replaces the cluster.
# related_resources:
#   - ref: https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#tls_enabled
# custom:
#   id: PAL-AWS-MEMORYDB-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_memorydb_cluster, "module:terraform-aws-modules/memory-db/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_202
#   cwe: ["CWE-319"]
#   remediation: >-
#     Set tls_enabled = true (or remove it: true is the default). The provider replaces the cluster
#     to apply it: take a snapshot first and restore it with snapshot_name, and connect the clients
#     with TLS.
#   fixable: true
package palisade.aws.memorydb.tls_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Only an explicit false: unset is the provider's default, true. The fix writes true, valid with any
# ACL (open-access included), and applied by replacing the cluster (ForceNew), as the pack's other
# encryption-at-creation fixes are (docs/fixes.md, "Encryption that forces replacement"); the
# message says so, since the new cluster starts empty unless restored from a snapshot.
deny contains result.fail_fix(r, ["tls_enabled"], msg, [result.set(["tls_enabled"], true)]) if {
	some r in tf.resources("aws_memorydb_cluster")
	unknown.is_false(r.config.tls_enabled)
	msg := sprintf("%s does not encrypt traffic in transit (tls_enabled = false; enabling it replaces the cluster)", [r.address])
}

# Opaque terraform-aws-modules/memory-db calls pass tls_enabled to the cluster (null: the provider's
# default, true).
deny contains result.fail_fix(m, ["tls_enabled"], msg, [result.set(["tls_enabled"], true)]) if {
	some m in modules.memorydb_clusters
	unknown.is_false(m.config.tls_enabled)
	msg := sprintf("%s does not encrypt traffic in transit (tls_enabled = false; enabling it replaces the cluster)", [m.address])
}

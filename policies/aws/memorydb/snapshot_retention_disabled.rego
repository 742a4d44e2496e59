# METADATA
# title: MemoryDB cluster has no automatic snapshots
# description: |
#   snapshot_retention_limit defaults to 0, which turns MemoryDB's daily automatic snapshots off.
#   The Multi-AZ transaction log keeps data through node failures, but not through what is written
#   to it: an accidental FLUSHALL, a bad deployment or a deleted cluster leaves no point to restore
#   from without snapshots.
# related_resources:
#   - ref: https://docs.aws.amazon.com/memorydb/latest/devguide/snapshots-automatic.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#snapshot_retention_limit
# custom:
#   id: PAL-AWS-MEMORYDB-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_memorydb_cluster, "module:terraform-aws-modules/memory-db/aws"]
#   frameworks: {}
#   references: {}
#   remediation: Set snapshot_retention_limit to the number of days of snapshots to keep (1 to 35).
#   fixable: true
package palisade.aws.memorydb.snapshot_retention_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Unset is 0 (the provider's default), as for ElastiCache (PAL-AWS-ELASTICACHE-004, whose fix
# also keeps seven days); the limit changes in place (UpdateCluster).
deny contains result.fail_fix(r, ["snapshot_retention_limit"], msg, [result.set(["snapshot_retention_limit"], 7)]) if {
	some r in tf.resources("aws_memorydb_cluster")
	no_retention(object.get(r.config, "snapshot_retention_limit", null))
	msg := sprintf("%s does not keep automatic snapshots (snapshot_retention_limit is 0)", [r.address])
}

# Opaque terraform-aws-modules/memory-db calls pass snapshot_retention_limit (null: 0).
deny contains result.fail_fix(m, ["snapshot_retention_limit"], msg, [result.set(["snapshot_retention_limit"], 7)]) if {
	some m in modules.memorydb_clusters
	no_retention(object.get(m.config, "snapshot_retention_limit", null))
	msg := sprintf("%s does not keep automatic snapshots (snapshot_retention_limit is 0)", [m.address])
}

no_retention(null)

no_retention(v) if unknown.known_number(v) == 0

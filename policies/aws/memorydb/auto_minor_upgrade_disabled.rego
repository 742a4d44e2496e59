# METADATA
# title: MemoryDB cluster does not take minor engine upgrades automatically
# description: |
#   With auto_minor_version_upgrade = false the cluster stays on its Redis OSS or Valkey minor
#   version until someone upgrades it by hand, missing the security fixes AWS would otherwise apply
#   in the maintenance window. AWS Security Hub asks for automatic minor upgrades as MemoryDB.2.
#   The provider defaults the argument to true, so only an explicit false is reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/memorydb/latest/devguide/engine-versions.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/memorydb-controls.html#memorydb-2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster#auto_minor_version_upgrade
# custom:
#   id: PAL-AWS-MEMORYDB-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_memorydb_cluster, "module:terraform-aws-modules/memory-db/aws"]
#   frameworks: {}
#   references: {}
#   remediation: Set auto_minor_version_upgrade = true (or remove it; true is the default).
#   fixable: true
package palisade.aws.memorydb.auto_minor_upgrade_disabled

# Round 33 (Prowler memorydb_cluster_auto_minor_version_upgrades). The fix sets the argument in
# place: the upgrades then happen in the cluster's maintenance window.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_minor_version_upgrade"]

deny contains finding(r) if {
	some r in tf.resources("aws_memorydb_cluster")
	unknown.is_false(object.get(r.config, path, null))
}

# Opaque terraform-aws-modules/memory-db calls pass the input to the cluster.
deny contains finding(m) if {
	some m in modules.memorydb_clusters
	unknown.is_false(object.get(m.config, path, null))
}

finding(r) := result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	msg := sprintf("%s does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", [r.address])
}

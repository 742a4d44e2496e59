# METADATA
# title: Redshift automated snapshots are disabled
# description: |
#   automated_snapshot_retention_period = 0 turns off automated snapshots, so a dropped table, a bad
#   load or a deleted cluster cannot be recovered from a recent point in time.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#about-automated-snapshots
# custom:
#   id: PAL-AWS-REDSHIFT-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, "module:terraform-aws-modules/redshift/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_343
#   remediation: Set automated_snapshot_retention_period to the number of days to keep (1-35; 7 is common).
#   fixable: true
package palisade.aws.redshift.snapshot_retention_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["automated_snapshot_retention_period"]

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in tf.resources("aws_redshift_cluster")
	unknown.known_number(r.config.automated_snapshot_retention_period) == 0
	msg := sprintf("%s disables automated snapshots", [r.address])
}

# Opaque terraform-aws-modules/redshift calls pass automated_snapshot_retention_period; v2 defaulted
# it to 0 (no snapshots), current releases to null (AWS's one day).
deny contains result.fail_fix(m, path, msg, [result.set(path, 7)]) if {
	some m in modules.redshift_clusters
	snapshots_off(m)
	msg := sprintf("%s disables automated snapshots", [m.address])
}

snapshots_off(m) if unknown.known_number(m.config.automated_snapshot_retention_period) == 0

snapshots_off(m) if {
	object.get(m.config, "automated_snapshot_retention_period", null) == null
	modules.pinned_below(m, 3)
}

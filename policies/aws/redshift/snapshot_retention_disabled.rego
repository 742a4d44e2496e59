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
#   resource_types: [aws_redshift_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_343
#   remediation: Set automated_snapshot_retention_period to the number of days to keep (1-35; 7 is common).
#   fixable: true
package palisade.aws.redshift.snapshot_retention_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["automated_snapshot_retention_period"]

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in tf.resources("aws_redshift_cluster")
	unknown.known_number(r.config.automated_snapshot_retention_period) == 0
	msg := sprintf("%s disables automated snapshots", [r.address])
}

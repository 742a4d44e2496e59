# METADATA
# title: Neptune cluster keeps automated backups for only one day
# description: |
#   backup_retention_period defaults to 1: a Neptune cluster then keeps one day of automated
#   backups and point-in-time recovery, so a bad change or deleted data noticed a day late
#   cannot be undone. AWS Security Hub (Neptune.5) asks for seven days or more; as
#   PAL-AWS-RDS-003 does, this rule reports the default (or an explicit 1) and leaves two to six
#   days to the owner.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-5
# custom:
#   id: PAL-AWS-NEPTUNE-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_361
#   remediation: Set backup_retention_period = 7 or more (up to 35).
#   fixable: true
package palisade.aws.neptune.backup_retention_short

# The fix keeps seven days, the least Security Hub accepts; backups within the retention period
# cost nothing up to the cluster's storage size.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["backup_retention_period"]

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in tf.resources("aws_neptune_cluster")
	tf.missing_attr(r, path)
	msg := sprintf("%s keeps automated backups for only the default one day", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in tf.resources("aws_neptune_cluster")
	unknown.known_number(r.config.backup_retention_period) <= 1
	msg := sprintf("%s keeps automated backups for only one day (backup_retention_period = %v)", [r.address, r.config.backup_retention_period])
}

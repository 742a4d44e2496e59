# METADATA
# title: RDS automated backups are disabled
# description: |
#   backup_retention_period = 0 turns off automated backups and point-in-time recovery: a
#   corrupting migration, a ransomware attack or an accidental DELETE cannot be undone. Read
#   replicas (which may legitimately have no backups) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: PAL-AWS-RDS-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_instance]
#   frameworks: {}
#   references:
#     trivy: AVD-AWS-0077
#     kics: 1dc73fb4-5b51-430c-8c5f-25dcf9090b02
#   remediation: Set backup_retention_period to at least 7 days.
#   fixable: true
package palisade.aws.rds.backup_retention_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["backup_retention_period"], msg, [result.set(["backup_retention_period"], 7)]) if {
	some r in tf.resources("aws_db_instance")
	not r.config.replicate_source_db
	unknown.known_number(r.config.backup_retention_period) == 0
	msg := sprintf("%s disables automated backups (backup_retention_period = 0)", [r.address])
}

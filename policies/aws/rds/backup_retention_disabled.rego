# METADATA
# title: RDS automated backups are disabled or kept for only one day
# description: |
#   backup_retention_period = 0 turns automated backups and point-in-time recovery off. Leaving it
#   unset keeps the AWS default of a single day, too short to recover from corruption or deletion
#   noticed after a weekend; setting 1 explicitly keeps the same single day and is reported too.
#   Set a retention of several days (7 or more is common). Read replicas,
#   whose backups belong to their source, are not reported. Opaque
#   terraform-aws-modules/rds calls are checked through their arguments.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: PAL-AWS-RDS-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_133
#     trivy: AVD-AWS-0077
#     kics: [1dc73fb4-5b51-430c-8c5f-25dcf9090b02, e542bd46-58c4-4e0f-a52a-1fb4f9548e02]
#   remediation: Set backup_retention_period to the number of days of backups to keep (7 or more).
#   fixable: true
package palisade.aws.rds.backup_retention_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["backup_retention_period"]

databases := array.concat(
	[r |
		some r in input.resources
		r.type in {"aws_db_instance", "aws_rds_cluster"}
		tf.unset(r, ["replicate_source_db"])
		tf.unset(r, ["replication_source_identifier"])
	],
	modules.rds_instances,
)

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in databases
	unknown.known_number(r.config.backup_retention_period) == 0
	msg := sprintf("%s disables automated backups (backup_retention_period = 0)", [r.address])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in databases
	tf.missing_attr(r, path)
	msg := sprintf("%s keeps automated backups for only the default one day", [r.address])
}

# Written out, one day is still the default's single day: no more time to notice a bad change.
deny contains result.fail_fix(r, path, msg, [result.set(path, 7)]) if {
	some r in databases
	unknown.known_number(r.config.backup_retention_period) == 1
	msg := sprintf("%s keeps automated backups for only one day (backup_retention_period = 1)", [r.address])
}

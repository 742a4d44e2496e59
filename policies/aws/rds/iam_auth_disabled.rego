# METADATA
# title: RDS IAM database authentication is not enabled
# description: |
#   Without IAM database authentication every application and person connects with long-lived
#   database passwords that must be distributed, stored and rotated. IAM authentication issues
#   15-minute tokens tied to IAM identities, so access is granted and revoked centrally and logged
#   in CloudTrail. Only engines that support it (MySQL, MariaDB from 10.6, PostgreSQL and their
#   Aurora variants) are checked; an Aurora DB instance is judged on its cluster, which holds the
#   setting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
# custom:
#   id: PAL-AWS-RDS-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_161, CKV_AWS_162, CKV_AWS_128]
#     trivy: AVD-AWS-0176
#     kics: [88fd05e0-ac0e-43d2-ba6d-fc0ba60ae1a6, 228497f6-414f-41c8-9113-f36a2b1b7975]
#   remediation: Set iam_database_authentication_enabled = true and grant rds-db:connect to the identities that need it.
#   fixable: true
package palisade.aws.rds.iam_auth_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_db_instance", "aws_rds_cluster"}

deny contains result.fail_fix(r, ["iam_database_authentication_enabled"], msg, [result.set(["iam_database_authentication_enabled"], true)]) if {
	some r in input.resources
	r.type in types
	iam_auth_engine(engine(r))
	not instance_of_aurora(r.type, engine(r))
	not old_mariadb(engine(r), object.get(r.config, "engine_version", null))
	bad(object.get(r.config, "iam_database_authentication_enabled", null))
	msg := sprintf("%s does not enable IAM database authentication", [r.address])
}

# Opaque rds and rds-aurora calls pass iam_database_authentication_enabled (default false, null in
# rds-aurora v9) and engine unchanged; a call without a known engine is not judged (rds-aurora
# defaulted it to "aurora" before v6, a replica may leave it to the source).
deny contains result.fail_fix(m, ["iam_database_authentication_enabled"], msg, [result.set(["iam_database_authentication_enabled"], true)]) if {
	some m in array.concat(modules.rds_instances, modules.aurora_clusters)
	iam_auth_engine(unknown.known_string(m.config.engine))
	not instance_of_aurora(module_kind(m), m.config.engine)
	not old_mariadb(m.config.engine, object.get(m.config, "engine_version", null))
	bad(object.get(m.config, "iam_database_authentication_enabled", null))
	msg := sprintf("%s does not enable IAM database authentication", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

# aws_rds_cluster's engine defaulted to "aurora" (MySQL-compatible) before provider v5 made it required.
engine(r) := object.get(r.config, "engine", "aurora") if r.type == "aws_rds_cluster"

else := r.config.engine

# The provider lower-cases engine names (`engine = "MySQL"` is stored as mysql), as RDS-008 reads them.
iam_auth_engine(engine) if regex.match(`^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$`, lower(engine))

# An Aurora DB instance takes IAM authentication from its cluster (aws_rds_cluster, judged above);
# the rds module with an aurora engine builds such an instance.
instance_of_aurora("aws_db_instance", engine) if startswith(lower(engine), "aurora")

instance_of_aurora("rds_instance", engine) if startswith(lower(engine), "aurora")

module_kind(m) := "rds_instance" if m in modules.rds_instances

else := "aurora_cluster"

# RDS for MariaDB supports IAM database authentication from 10.6; a known older version cannot
# enable it, so reporting it would ask for the impossible. An unset version gets today's default.
old_mariadb(engine, version) if {
	lower(engine) == "mariadb"
	is_string(version)
	parts := split(version, ".")
	to_number(parts[0]) == 10
	to_number(parts[1]) < 6
}

# METADATA
# title: RDS instance publishes no logs to CloudWatch Logs
# description: |
#   Without enabled_cloudwatch_logs_exports the database's error, audit and query logs stay on the
#   instance, rotated away within days and gone with it, so failed logins, errors and suspicious
#   queries leave no durable record to alert on or investigate. Any exported log type counts here;
#   which ones to add (audit logs need the engine's audit plugin or pgaudit) is the owner's choice.
#   Opaque terraform-aws-modules/rds calls pass the list unchanged (default: none).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9
# custom:
#   id: PAL-AWS-RDS-013
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_129
#     kics: 8d7f7b8c-6c7c-40f8-baa6-62006c6c7b56
#   cwe: ["CWE-778"]
#   remediation: Set enabled_cloudwatch_logs_exports, e.g. ["postgresql", "upgrade"] or ["error", "slowquery", "audit"].
#   fixable: true
package palisade.aws.rds.logs_not_exported

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["enabled_cloudwatch_logs_exports"]

deny contains result.fail_fix(r, path, msg(r), fix(r)) if {
	some r in tf.resources("aws_db_instance")
	not aurora(r)
	no_exports(r)
}

deny contains result.fail_fix(m, path, msg(m), fix(m)) if {
	some m in modules.rds_instances
	not aurora(m)
	no_exports(m)
}

# An Aurora DB instance exports nothing itself: the cluster's enabled_cloudwatch_logs_exports
# decides (aws_rds_cluster), so the instance is not judged.
aurora(r) if startswith(lower(unknown.known_string(r.config.engine)), "aurora")

no_exports(r) if tf.missing_attr(r, path)

no_exports(r) if {
	exports := r.config.enabled_cloudwatch_logs_exports
	is_array(exports)
	count(exports) == 0
}

msg(r) := sprintf("%s publishes no database logs to CloudWatch Logs", [r.address])

# The fix exports the log every engine of the family writes without further configuration (the
# error log; PostgreSQL's server log and upgrade log); an unknown engine gets no fix.
fix(r) := [result.set(path, logs)] if {
	logs := engine_logs(unknown.known_string(r.config.engine))
} else := []

engine_logs("postgres") := ["postgresql", "upgrade"]

engine_logs(engine) := ["error"] if engine in {"mysql", "mariadb"}

engine_logs(engine) := ["alert"] if startswith(engine, "oracle-")

engine_logs(engine) := ["error"] if startswith(engine, "sqlserver-")

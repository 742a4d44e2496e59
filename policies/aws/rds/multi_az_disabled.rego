# METADATA
# title: RDS instance is not Multi-AZ
# description: |
#   A single-AZ instance is unavailable during an Availability Zone outage and during maintenance
#   that needs a restart; Multi-AZ keeps a synchronous standby that takes over automatically.
#   Advisory: it doubles the instance cost and is unnecessary for non-production databases.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html
# custom:
#   id: PAL-AWS-RDS-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_157
#   remediation: Set multi_az = true for production databases.
#   fixable: true
package palisade.aws.rds.multi_az_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_db_instance"}

warn contains fixes.finding(r, ["multi_az"], msg, ops) if {
	some r in input.resources
	r.type in types
	tf.unset(r, ["replicate_source_db"])
	bad(object.get(r.config, "multi_az", null))
	msg := sprintf("%s is not Multi-AZ", [r.address])
	ops := [op | not express(r.config); op := result.set(["multi_az"], true)]
}

# Opaque rds calls pass multi_az (default false in every major) and replicate_source_db unchanged.
warn contains fixes.finding(m, ["multi_az"], msg, [op | not express(m.config); op := result.set(["multi_az"], true)]) if {
	some m in modules.rds_instances
	object.get(m.config, "replicate_source_db", null) in {null, ""}
	bad(object.get(m.config, "multi_az", null))
	msg := sprintf("%s is not Multi-AZ", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

# RDS offers Multi-AZ for SQL Server Standard, Enterprise, Web and Developer editions, not Express
# (USER_SQLServerMultiAZ): multi_az = true on sqlserver-ex is refused at apply, so the finding
# stays without a fix; leaving Express is an edition (licence) decision (H12 fix review).
express(config) if lower(unknown.known_string(object.get(config, "engine", ""))) == "sqlserver-ex"

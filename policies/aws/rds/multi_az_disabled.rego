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

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_db_instance"}

warn contains result.fail_fix(r, ["multi_az"], msg, [result.set(["multi_az"], true)]) if {
	some r in input.resources
	r.type in types
	tf.unset(r, ["replicate_source_db"])
	bad(object.get(r.config, "multi_az", null))
	msg := sprintf("%s is not Multi-AZ", [r.address])
}

# Opaque rds calls pass multi_az (default false in every major) and replicate_source_db unchanged.
warn contains result.fail_fix(m, ["multi_az"], msg, [result.set(["multi_az"], true)]) if {
	some m in modules.rds_instances
	object.get(m.config, "replicate_source_db", null) in {null, ""}
	bad(object.get(m.config, "multi_az", null))
	msg := sprintf("%s is not Multi-AZ", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

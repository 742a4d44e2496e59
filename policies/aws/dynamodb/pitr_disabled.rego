# METADATA
# title: DynamoDB point-in-time recovery is not enabled
# description: |
#   Without point-in-time recovery a bad deployment, a buggy batch job or a malicious delete
#   cannot be rolled back: on-demand backups only restore to the moment they were taken. PITR
#   keeps continuous backups for 35 days.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
# custom:
#   id: PAL-AWS-DYNAMODB-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_dynamodb_table, "module:terraform-aws-modules/dynamodb-table/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_28
#     trivy: AVD-AWS-0024
#     kics: 741f1291-47ac-4a85-a07b-3d32a9d6bd3e
#   remediation: Add point_in_time_recovery { enabled = true }.
#   fixable: true
package palisade.aws.dynamodb.pitr_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_dynamodb_table"}

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "point_in_time_recovery")
	bad(object.get(b, "enabled", null))
	path := ["point_in_time_recovery", i, "enabled"]
	msg := sprintf("%s does not have point-in-time recovery enabled", [r.address])
}

deny contains result.fail_fix(r, ["point_in_time_recovery"], msg, [result.add_block([], "point_in_time_recovery", {"enabled": true})]) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["point_in_time_recovery"])
	msg := sprintf("%s does not have point-in-time recovery enabled", [r.address])
}

# Opaque terraform-aws-modules/dynamodb-table calls: point_in_time_recovery_enabled (default false
# in every major) becomes the table's point_in_time_recovery block.
deny contains result.fail_fix(m, ["point_in_time_recovery_enabled"], msg, [result.set(["point_in_time_recovery_enabled"], true)]) if {
	some m in modules.dynamodb_tables
	bad(object.get(m.config, "point_in_time_recovery_enabled", null))
	msg := sprintf("%s does not have point-in-time recovery enabled", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

# METADATA
# title: DynamoDB table deletion protection is not enabled
# description: |
#   Without deletion_protection_enabled = true a single DeleteTable call or a terraform destroy (or
#   a replacement forced by a key schema change) removes the table and all its items; point-in-time
#   recovery only helps if it was on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection
# custom:
#   id: PAL-AWS-DYNAMODB-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_dynamodb_table]
#   frameworks: {}
#   references: {}
#   remediation: Set deletion_protection_enabled = true.
#   fixable: true
package palisade.aws.dynamodb.deletion_protection_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection_enabled"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_dynamodb_table")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set deletion_protection_enabled = true", [r.address])
}

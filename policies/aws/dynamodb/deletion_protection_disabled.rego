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
#   resource_types: [aws_dynamodb_table, "module:terraform-aws-modules/dynamodb-table/aws"]
#   frameworks: {}
#   references: {}
#   remediation: Set deletion_protection_enabled = true.
#   fixable: true
package palisade.aws.dynamodb.deletion_protection_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["deletion_protection_enabled"]

deny contains fixes.finding(r, path, msg, resource_fix) if {
	some r in tf.resources("aws_dynamodb_table")
	unknown.not_true(tf.attr(r, path))
	msg := sprintf("%s does not set deletion_protection_enabled = true", [r.address])
}

# Opaque terraform-aws-modules/dynamodb-table calls pass deletion_protection_enabled (default
# null, the provider's false; releases before it existed had no deletion protection at all). The
# fix sets it, except on a call pinned below v4, which may predate the input.
deny contains fixes.finding(m, path, msg, module_fix(m)) if {
	some m in modules.dynamodb_tables
	unknown.not_true(object.get(m.config, "deletion_protection_enabled", null))
	msg := sprintf("%s does not set deletion_protection_enabled = true", [m.address])
}

module_fix(m) := [] if modules.pinned_below(m, 4)

else := [result.set(path, true)]

# The argument came with AWS provider v4.59 (March 2023, when DynamoDB added deletion protection):
# a configuration that pins the provider below v4 (AWS Control Tower Account Factory pins
# `>= 3.72, < 4.0.0`) cannot set it, and `terraform validate` would reject the fix. The table is
# still reported: upgrading the provider, or UpdateTable outside Terraform, turns it on.
resource_fix := [] if tf.provider_below("aws", 4)

resource_fix := [result.set(path, true)] if not tf.provider_below("aws", 4)

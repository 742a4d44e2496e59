# METADATA
# title: KMS key is disabled
# description: |
#   A key with is_enabled = false cannot encrypt or decrypt: every resource and application that
#   depends on it fails, and data encrypted under it is unreadable until the key is enabled again.
#   Disable keys deliberately, on the way to scheduling their deletion, not as configuration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html
# custom:
#   id: PAL-AWS-KMS-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_kms_key, "module:terraform-aws-modules/kms/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_227
#     kics: 7350fa23-dcf7-4938-916d-6a60b0c73b50
#   remediation: Set is_enabled = true, or delete the key if it is no longer needed.
#   fixable: true
package palisade.aws.kms.key_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["is_enabled"], msg, [result.set(["is_enabled"], true)]) if {
	some r in tf.resources("aws_kms_key")
	unknown.is_false(r.config.is_enabled)
	msg := sprintf("%s is disabled, so nothing can use it", [r.address])
}

# Opaque terraform-aws-modules/kms calls pass is_enabled (default null: enabled).
deny contains result.fail_fix(m, ["is_enabled"], msg, [result.set(["is_enabled"], true)]) if {
	some m in modules.kms_keys
	unknown.is_false(m.config.is_enabled)
	msg := sprintf("%s is disabled, so nothing can use it", [m.address])
}

# METADATA
# title: Secrets Manager secret uses the AWS managed key
# description: |
#   Without kms_key_id, or with the aws/secretsmanager key named (by alias, ARN or a data source
#   that looks it up), the secret is encrypted with the account's AWS managed key, which every
#   principal with secretsmanager:GetSecretValue can use. A customer managed key adds a key
#   policy as a second gate, enables cross-account sharing and gives separate CloudTrail records
#   of decryption.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
# custom:
#   id: PAL-AWS-SECRETSMANAGER-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_secretsmanager_secret, "module:terraform-aws-modules/secrets-manager/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_149
#     trivy: AVD-AWS-0098
#     kics: [a2f548f2-188c-4fff-b172-e9a6acb216bd, b0d3ef3f-845d-4b1b-83d6-63a5a380375f]
#   remediation: Set kms_key_id to a customer managed KMS key.
#   fixable: true
#   allow_unknown: true
package palisade.aws.secretsmanager.secret_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.kms
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_secretsmanager_secret"}

# The fix adds a customer managed key for the secret.
deny contains fixes.finding(r, ["kms_key_id"], msg, fixes.cmk_set(r, ["kms_key_id"])) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s is encrypted with the AWS managed key", [r.address])
}

# The AWS managed key named explicitly: by alias or alias ARN (the fix replaces it with a customer
# managed key), or through a data source looking it up by alias (the fix replaces that reference).
deny contains fixes.finding(r, ["kms_key_id"], msg, ops) if {
	some r in input.resources
	r.type in types
	kms.aws_managed(r, ["kms_key_id"])
	msg := sprintf("%s is encrypted with the AWS managed key aws/secretsmanager", [r.address])
	ops := named_key_fix(r)
}

# Opaque terraform-aws-modules/secrets-manager calls pass kms_key_id (default null: the AWS managed
# aws/secretsmanager key; "" reaches the secret as no key). No fix: the key the resource fix adds
# is described by resource type.
deny contains result.fail(m, ["kms_key_id"], msg) if {
	some m in modules.secrets
	object.get(m.config, "kms_key_id", null) in {null, ""}
	msg := sprintf("%s is encrypted with the AWS managed key", [m.address])
}

named_key_fix(r) := fixes.cmk_set(r, ["kms_key_id"]) if {
	kms.aws_managed_alias(unknown.known_string(r.config.kms_key_id))
} else := fixes.cmk_replace(r, ["kms_key_id"], r.config.kms_key_id["$unknown"]) if {
	unknown.is_unknown(r.config.kms_key_id)
} else := []

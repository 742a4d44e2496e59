# METADATA
# title: Secrets Manager secret uses the AWS managed key
# description: |
#   Without kms_key_id the secret is encrypted with the account's aws/secretsmanager key, which
#   every principal with secretsmanager:GetSecretValue can use. A customer managed key adds a key
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
#     kics: a2f548f2-188c-4fff-b172-e9a6acb216bd
#   remediation: Set kms_key_id to a customer managed KMS key.
#   fixable: true
package palisade.aws.secretsmanager.secret_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_secretsmanager_secret"}

# The fix adds a customer managed key for the secret.
deny contains fixes.finding(r, ["kms_key_id"], msg, fixes.cmk_set(r, ["kms_key_id"])) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s is encrypted with the AWS managed key", [r.address])
}

# Opaque terraform-aws-modules/secrets-manager calls pass kms_key_id (default null: the AWS managed
# aws/secretsmanager key; "" reaches the secret as no key). No fix: the key the resource fix adds
# is described by resource type.
deny contains result.fail(m, ["kms_key_id"], msg) if {
	some m in modules.secrets
	object.get(m.config, "kms_key_id", null) in {null, ""}
	msg := sprintf("%s is encrypted with the AWS managed key", [m.address])
}

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
deny contains fixes.finding(r, ["kms_key_id"], message(r, ""), ops) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_key_id"])
	ops := unread_fix(r, fixes.cmk_set(r, ["kms_key_id"]))
}

# The AWS managed key named explicitly: by alias or alias ARN (the fix replaces it with a customer
# managed key), or through a data source looking it up by alias (the fix replaces that reference).
deny contains fixes.finding(r, ["kms_key_id"], msg, ops) if {
	some r in input.resources
	r.type in types
	kms.aws_managed(r, ["kms_key_id"])
	msg := message(r, " aws/secretsmanager")
	ops := unread_fix(r, named_key_fix(r))
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

# A secret something else in the configuration reads (a function's environment, a policy naming
# it or its version, a task definition...) gets no fix: with the AWS managed key every principal
# allowed secretsmanager:GetSecretValue can decrypt, but a new customer managed key also needs
# kms:Decrypt in each reader's own policy, which the fix cannot see (held-out round H12: a Lambda
# allowed kms:Decrypt on another key only would have lost the secret). The message says why.
unread_fix(r, ops) := ops if not read(r.address)

else := []

message(r, key) := sprintf("%s is encrypted with the AWS managed key%s", [r.address, key]) if not read(r.address)

else := sprintf("%s is encrypted with the AWS managed key%s (%s)", [r.address, key, _read_note])

_read_note := "read in this configuration: give its readers kms:Decrypt on a customer managed key first"

# The secret's own companions are not readers (a version writes it, a rotation or policy governs it).
_companions := {"aws_secretsmanager_secret_version", "aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_policy"}

# Built once per module, and only when a secret lacks a customer managed key (rules are evaluated
# lazily): the targets of every reference a resource or data source other than a companion makes.
_read_targets contains ref.target if {
	some p in array.concat(input.resources, object.get(input, "data", []))
	not p.type in _companions
	some ref in p.references
}

# Secrets whose version is read (a policy granting GetSecretValue on the version's ARN).
_read_through_version contains ref.target if {
	some v in input.resources
	v.type == "aws_secretsmanager_secret_version"
	some t in _read_targets
	tf.refers_to(t, v.address)
	some ref in v.references
	ref.path == ["secret_id"]
}

read(address) if {
	some t in (_read_targets | _read_through_version)
	tf.refers_to(t, address)
}

# A secret handed to a module call (its ARN or id as an argument, at any depth) is read there:
# DataDog's serverless sample passes the API key secret's ARN down two local modules to the Lambda
# role policies that call GetSecretValue on it (held-out s22/H3), and the model does not follow a
# variable back to the secret. An opaque module may read it too.
read(address) if {
	some call in object.get(input, "modules", [])
	walk(call.config, [_, value])
	is_object(value)
	text := value["$unknown"]
	is_string(text)
	tf.names(call.address, text, address)
}

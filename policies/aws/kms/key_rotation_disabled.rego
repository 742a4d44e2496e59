# METADATA
# title: KMS key rotation is not enabled
# description: |
#   A symmetric customer managed key without automatic rotation keeps the same key material for
#   ever, so a leaked or brute-forced key stays useful indefinitely and the key outlives most
#   compliance limits on cryptoperiods. Rotation is transparent to users of the key. Asymmetric
#   and HMAC keys (by key spec or key usage) and keys in custom key stores cannot be rotated
#   automatically and are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: PAL-AWS-KMS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_kms_key, "module:terraform-aws-modules/kms/aws"]
#   frameworks:
#     cis-aws-2.0: ["3.8"]
#   references:
#     checkov: CKV_AWS_7
#     trivy: AVD-AWS-0065
#     kics: 22fbfeac-7b5a-421a-8a27-7a2178bb910b
#   cwe: ["CWE-324"]
#   remediation: Set enable_key_rotation = true.
#   fixable: true
package palisade.aws.kms.key_rotation_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_kms_key"}

# The finding sits on the key itself; the fix sets the attribute.
deny contains result.fail_fix(r, [], msg, [result.set(["enable_key_rotation"], true)]) if {
	some r in input.resources
	r.type in types
	symmetric(r.config)
	bad(object.get(r.config, "enable_key_rotation", null))
	msg := sprintf("%s does not rotate its key material", [r.address])
}

# Opaque terraform-aws-modules/kms calls pass enable_key_rotation (default true) and the key spec
# inputs to their aws_kms_key; only an explicit false is reported, on the argument.
deny contains result.fail_fix(m, ["enable_key_rotation"], msg, [result.set(["enable_key_rotation"], true)]) if {
	some m in modules.kms_keys
	symmetric(m.config)
	unknown.is_false(m.config.enable_key_rotation)
	msg := sprintf("%s does not rotate its key material", [m.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

# Only symmetric encryption keys rotate automatically: not asymmetric or HMAC keys (a key_usage
# other than ENCRYPT_DECRYPT says so even without a key spec), nor keys in a custom key store.
# An empty string is the default too: the provider does not send it (a variable's "" default).
symmetric(config) if {
	object.get(config, "customer_master_key_spec", "") in {"", "SYMMETRIC_DEFAULT"}
	object.get(config, "key_usage", "") in {"", "ENCRYPT_DECRYPT"}
	object.get(config, "custom_key_store_id", "") == ""
}

# METADATA
# title: KMS key policy allows any principal
# description: |
#   A key policy statement allows actions to the principal "*" (or {"AWS": "*"}) and no condition
#   scopes it (kms:CallerAccount, kms:ViaService, aws:PrincipalOrgID, …). Key policies are the primary access control for a KMS key: anyone in any AWS
#   account could then use, and possibly manage, the key and decrypt the data it protects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: PAL-AWS-KMS-002
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_kms_key, aws_kms_key_policy, "module:terraform-aws-modules/kms/aws", "module:clouddrove/kms/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_33
#     kics: 7ebc9038-0bde-479a-acc4-6ed7b6758899
#   cwe: ["CWE-732"]
#   remediation: Name the account root or specific roles as principals, or add conditions such as kms:CallerAccount or aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.kms.key_policy_public

import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result

# One finding per policy, on the policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the key policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# Keys and key policies, plus opaque terraform-aws-modules/kms calls that set `policy`: the module
# uses it as the key policy instead of the one it builds from key_owners, key_users, ….
policy_holders := array.concat(
	array.concat(
		[r | some r in input.resources; r.type in {"aws_kms_key", "aws_kms_key_policy"}],
		[m | some m in modules.kms_keys; object.get(m.config, "policy", null) != null],
	),
	clouddrove_keys,
)

# Opaque clouddrove/kms/aws calls: the module passes `policy` to its aws_kms_key as the key policy
# and creates the key unless `enabled = false`. clouddrove's examples (s3, documentdb, msk, mq)
# hand it a document allowing kms:* to {"AWS": "*"}.
clouddrove_keys := [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	regex.match(`^(registry\.terraform\.io/)?clouddrove/kms/aws$`, m.source)
	object.get(m.config, "policy", null) != null
	object.get(m.config, "enabled", true) != false
]

# METADATA
# title: KMS key policy allows any principal
# description: |
#   A key policy statement allows actions to the principal "*" (or {"AWS": "*"}) without any
#   condition. Key policies are the primary access control for a KMS key: anyone in any AWS
#   account could then use, and possibly manage, the key and decrypt the data it protects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
# custom:
#   id: PAL-AWS-KMS-002
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_kms_key, aws_kms_key_policy]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_33
#   remediation: Name the account root or specific roles as principals, or add conditions such as kms:CallerAccount or aws:PrincipalOrgID.
#   fixable: false
package palisade.aws.kms.key_policy_public

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	r.type in {"aws_kms_key", "aws_kms_key_policy"}
	some entry in iam.statements(r.config.policy)
	s := entry.statement
	iam.is_allow(s)
	iam.principal_is_public(s)
	not iam.has_condition(s)
	path := array.concat(["policy"], array.concat(entry.path, ["Principal"]))
	msg := sprintf("the key policy of %s allows any principal", [r.address])
}

# METADATA
# title: IAM role can be assumed by anyone
# description: |
#   The role's trust policy allows sts:AssumeRole (or a variant) to the principal "*" without
#   any condition, so any AWS account in the world can assume the role and use its permissions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
# custom:
#   id: PAL-AWS-IAM-005
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_iam_role]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_60
#     kics: [12b7e704-37f0-4d1e-911a-44bf60c48c21, bcdcbdc6-a350-4855-ae7c-d1e6436f7c97]
#   cwe: ["CWE-284"]
#   remediation: Name the accounts, roles or services allowed to assume the role, or add conditions such as aws:PrincipalOrgID or sts:ExternalId.
#   fixable: false
package palisade.aws.iam.role_trust_public

import data.palisade.lib.iam
import data.palisade.lib.result

# One finding per trust policy, on assume_role_policy; each public statement is a related location.
deny contains result.with_related(result.fail(r, ["assume_role_policy"], msg), related) if {
	some r in input.resources
	r.type == "aws_iam_role"
	paths := [array.concat(["assume_role_policy"], entry.path) |
		some entry in iam.statements(r.config.assume_role_policy)
		s := entry.statement
		iam.is_allow(s)
		iam.principal_is_public(s)
		not iam.has_condition(s)
	]
	count(paths) > 0
	msg := sprintf("%s can be assumed by any AWS principal", [r.address])
	related := [result.related(r, array.concat(path, ["Principal"]), "trusts every principal without a condition") | some path in paths]
}

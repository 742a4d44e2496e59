# METADATA
# title: IAM role trusts another AWS account without an external ID or MFA
# description: |
#   The role's trust policy lets principals of an AWS account (by account id or ARN) assume it
#   with no condition requiring an sts:ExternalId or an MFA-authenticated session. A third party
#   acting for several customers can then be tricked into using its access to this role (the
#   confused-deputy problem), and stolen long-term keys in that account work without MFA. An
#   external ID condition that any value matches (StringLike "*") or that a request without one
#   passes (StringEqualsIfExists), and BoolIfExists on aws:MultiFactorAuthPresent (requests signed
#   with long-term access keys carry no such key), protect nothing and do not count.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
# custom:
#   id: PAL-AWS-IAM-016
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_role]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_61
#     kics: 09c35abf-5852-4622-ac7a-b987b331232e
#   cwe: ["CWE-441"]
#   remediation: Add a Condition requiring sts:ExternalId (for a third party) or aws:MultiFactorAuthPresent (for people) to the trust statement.
#   fixable: false
package palisade.aws.iam.role_trust_cross_account_unprotected

import data.palisade.lib.iam
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per trust policy, on assume_role_policy; each unprotected statement is a related location.
deny contains result.with_related(result.fail(r, ["assume_role_policy"], msg), related) if {
	some r in tf.resources("aws_iam_role")
	unprotected := [{"path": array.concat(["assume_role_policy"], entry.path), "accounts": accounts} |
		some entry in iam.statements(r.config.assume_role_policy)
		accounts := unprotected_accounts(entry.statement)
		count(accounts) > 0
	]
	count(unprotected) > 0
	all_accounts := {a | some u in unprotected; some a in u.accounts}
	msg := sprintf("%s can be assumed from AWS account %s without an external ID or MFA", [r.address, concat(", ", sort(all_accounts))])
	related := [result.related(r, array.concat(u.path, ["Principal"]), "trusts another account without sts:ExternalId or MFA") | some u in unprotected]
}

unprotected_accounts(s) := {account |
	iam.allows_action(s, "sts:AssumeRole")
	not iam.requires_external_id(s)
	not iam.requires_mfa(s)
	not iam.condition_unknown(s)
	some p in iam.aws_principals(s)
	account := iam.account_principal(p)
}

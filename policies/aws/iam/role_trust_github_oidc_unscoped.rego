# METADATA
# title: IAM role trusts GitHub Actions OIDC tokens from any repository
# description: |
#   The role's trust policy lets tokens of GitHub's OIDC provider (token.actions.githubusercontent.com)
#   assume it with sts:AssumeRoleWithWebIdentity, but no condition pins the token's subject
#   (token.actions.githubusercontent.com:sub) to your organization or repository. Every GitHub
#   Actions token carries the same issuer and, with the official action, the same audience
#   (sts.amazonaws.com), so a workflow in any GitHub repository, anyone's, can obtain this role's
#   credentials. AWS recommends evaluating the sub key in the trust policy of any role that trusts
#   GitHub's provider; GitHub asks for at least one condition that untrusted repositories cannot
#   meet. A sub condition whose values are only wildcards ("*", "repo:*") restricts nothing and is
#   reported too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
#   - ref: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
# custom:
#   id: PAL-AWS-IAM-025
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_iam_role]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_358
#   cwe: ["CWE-863"]
#   remediation: >-
#     Add a condition on token.actions.githubusercontent.com:sub naming your repositories, e.g.
#     StringLike "repo:<org>/<repo>:*" (or a branch or environment), beside the aud condition.
#   fixable: false
package palisade.aws.iam.role_trust_github_oidc_unscoped

# No fix: only the user knows which organization, repositories, branches or environments should
# assume the role, and a guessed subject would either lock their workflows out or stay too broad.

import data.palisade.lib.iam
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# One finding per unscoped statement, on the statement: a trust policy may hold several.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_iam_role")
	some entry in iam.statements(r.config.assume_role_policy)
	s := entry.statement
	iam.allows_action(s, "sts:AssumeRoleWithWebIdentity")
	github(s)
	not iam.condition_unknown(s)
	not scoped(s)
	path := array.concat(["assume_role_policy"], entry.path)
	msg := sprintf("%s trusts GitHub Actions OIDC tokens without pinning token.actions.githubusercontent.com:sub: workflows of any GitHub repository can assume it", [r.address])
}

# The statement trusts GitHub's provider: its Federated principal names it (an ARN written out,
# or an expression whose text does, such as "arn:aws:iam::${local.account}:oidc-provider/
# token.actions.githubusercontent.com"), or its Condition tests a claim of it (a Federated
# principal that is a reference to the provider resource is unknown here).
github(s) if {
	some p in federated(s)
	contains(lower(p), "token.actions.githubusercontent.com")
}

github(s) if {
	some c in iam.conditions(s)
	startswith(c.key, "token.actions.githubusercontent.com:")
}

federated(s) := [text(p) | some p in principal_list(s.Principal.Federated)] if is_object(s.Principal)

else := []

# iam.as_list drops an unknown value; here its expression text is what names the provider.
principal_list(v) := [v] if unknown.is_unknown(v)

else := iam.as_list(v)

text(p) := p if is_string(p)

else := p["$unknown"] if unknown.is_unknown(p)

else := ""

# Scoped: a positive string condition on a claim other than aud (which every token of the
# official action shares) with a value that is not only wildcards. sub is the usual one; other
# claims IAM evaluates for this provider (job_workflow_ref, for instance) restrict as well.
scoped(s) if {
	some c in iam.conditions(s)
	startswith(c.key, "token.actions.githubusercontent.com:")
	not c.key in {"token.actions.githubusercontent.com:aud", "token.actions.githubusercontent.com:amr"}
	op := base_operator(c.operator)
	startswith(op, "string")
	not contains(op, "not")
	some v in c.values
	is_string(v)
	not regex.match(`^(repo:)?[*?]*(/[*?]*)?(:[*?]*)?$`, v)
}

# base_operator: the operator without a set qualifier. sub is single-valued and always in a
# GitHub token, so ForAnyValue:/ForAllValues:StringLike restrict it as StringLike does.
base_operator(op) := substring(op, count("foranyvalue:"), -1) if {
	startswith(op, "foranyvalue:")
} else := substring(op, count("forallvalues:"), -1) if {
	startswith(op, "forallvalues:")
} else := op

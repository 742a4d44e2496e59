package palisade.aws.iam.role_trust_github_oidc_unscoped_test

import data.palisade.aws.iam.role_trust_github_oidc_unscoped as rule

github_arn := "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

role(statement) := {"resources": [{"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "references": [], "config": {"assume_role_policy": {"Version": "2012-10-17", "Statement": [statement]}}}]}

trust(principal, condition) := {"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": principal}, "Condition": condition}

aud := {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}

# The Prisma Cloud page's bad form (CKV_AWS_358): only the audience is checked.
test_audience_only_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.deploy trusts GitHub Actions OIDC tokens without pinning token.actions.githubusercontent.com:sub: workflows of any GitHub repository can assume it",
		"resource": "aws_iam_role.deploy", "path": ["assume_role_policy", "Statement", 0],
	}} with input as role(trust(github_arn, {"StringEquals": aud}))
}

test_no_condition_fires if {
	count(rule.deny) == 1 with input as role({"Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"], "Principal": {"Federated": [github_arn]}})
}

# A provider reference is unknown here; the claim keys of the condition name the provider.
test_unknown_principal_with_github_claims_fires if {
	count(rule.deny) == 1 with input as role(trust({"$unknown": "aws_iam_openid_connect_provider.github.arn"}, {"StringEquals": aud}))
}

test_interpolated_principal_fires if {
	count(rule.deny) == 1 with input as role({"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": {"$unknown": "\"arn:aws:iam::${local.account}:oidc-provider/token.actions.githubusercontent.com\""}}})
}

test_wildcard_subject_fires if {
	count(rule.deny) == 1 with input as role(trust(github_arn, {"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}))
	count(rule.deny) == 1 with input as role(trust(github_arn, {"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": ["*", "repo:*/*:*"]}}))
}

test_negated_subject_fires if {
	count(rule.deny) == 1 with input as role(trust(github_arn, {"StringEquals": aud, "StringNotLike": {"token.actions.githubusercontent.com:sub": "repo:evil/*"}}))
}

# The page's good form and GitHub's examples: the subject names an organization or repository.
test_scoped_subject_passes if {
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:myOrg/*"}}))
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringEquals": object.union(aud, {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main"})}))
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringLike": {"token.actions.githubusercontent.com:job_workflow_ref": "octo-org/workflows/.github/workflows/deploy.yml@*"}}))
}

# Set qualifiers on a single-valued claim restrict as the plain operator does (a scoped module
# writes ForAnyValue:StringLike); a negated one still does not.
test_set_qualified_subject_passes if {
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringEquals": aud, "ForAnyValue:StringLike": {"token.actions.githubusercontent.com:sub": "repo:myOrg/app:*"}}))
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringEquals": aud, "ForAllValues:StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myOrg/app:ref:refs/heads/main"}}))
	count(rule.deny) == 1 with input as role(trust(github_arn, {"StringEquals": aud, "ForAnyValue:StringNotLike": {"token.actions.githubusercontent.com:sub": "repo:evil/*"}}))
}

test_unknown_subject_does_not_fire if {
	count(rule.deny) == 0 with input as role(trust(github_arn, {"StringEquals": aud, "StringLike": {"token.actions.githubusercontent.com:sub": {"$unknown": "var.subjects"}}}))
	count(rule.deny) == 0 with input as role(trust(github_arn, {"$unknown": "local.conditions"}))
}

test_other_providers_pass if {
	count(rule.deny) == 0 with input as role(trust("arn:aws:iam::123456789012:oidc-provider/gitlab.com", {"StringEquals": {"gitlab.com:aud": "https://gitlab.com"}}))
	count(rule.deny) == 0 with input as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}})
}

test_deny_passes if {
	count(rule.deny) == 0 with input as role({"Effect": "Deny", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": github_arn}})
}

# METADATA
# title: IAM role trust policy allows every action
# description: |
#   A trust policy statement allows Action "*" (or "sts:*", which in a trust policy is the same:
#   only STS actions are evaluated there) instead of the sts:AssumeRole* action the trusted
#   principal needs. Besides assuming the role, the principal may then also tag sessions, set
#   source identities and use every other federation entry point, and the policy no longer says
#   how the role is meant to be used. An Allow statement with NotAction is reported too: it allows
#   every STS action but those it lists (NotAction "sts:AssumeRoleWithSAML" still allows
#   sts:AssumeRole, sts:TagSession and the rest; NotAction "sts:*" or "*" grants nothing); it has no
#   fix, the actions meant are not named.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
# custom:
#   id: PAL-AWS-IAM-017
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_role]
#   frameworks: {}
#   references:
#     kics: b1ffa705-19a3-4b73-b9d0-0c97d0663842
#   cwe: ["CWE-284"]
#   remediation: Allow only the assume action the principal uses (sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML).
#   fixable: true
package palisade.aws.iam.role_trust_wildcard_action

import data.palisade.lib.iam
import data.palisade.lib.result

# One finding per trust policy, on assume_role_policy; each wildcard statement is a related location.
# The fix is the provider server/src/fix/iam/trust-actions.ts (the assume action each statement's
# principal needs, written in the document's own syntax), which reads those related locations.
deny contains result.with_related(result.fail(r, ["assume_role_policy"], msg), related) if {
	some r in input.resources
	r.type == "aws_iam_role"
	entries := [{"path": array.concat(array.concat(["assume_role_policy"], entry.path), ["Action"]), "msg": sprintf("allows %q", [a])} |
		some entry in iam.statements(r.config.assume_role_policy)
		iam.is_allow(entry.statement)
		a := first_wildcard(entry.statement)
	]
	not_actions := [{"path": array.concat(array.concat(["assume_role_policy"], entry.path), ["NotAction"]), "msg": "allows every action but those NotAction lists"} |
		some entry in iam.statements(r.config.assume_role_policy)
		iam.is_allow(entry.statement)
		allows_all_but(entry.statement)
	]
	all_entries := array.concat(entries, not_actions)
	count(all_entries) > 0
	msg := sprintf("%s trust policy allows every action instead of sts:AssumeRole", [r.address])
	related := [result.related(r, e.path, e.msg) | some e in all_entries]
}

# Allow with NotAction: every STS action but the listed ones. A trust policy is evaluated only
# for STS actions, so a NotAction listing "sts:*" or "*" grants nothing, and an unknown NotAction
# (or element) could be one of them: left alone.
allows_all_but(s) if {
	iam.allows_all_but_listed(s)
	every a in iam.not_actions(s) {
		is_string(a)
	}
	not iam.excludes_service(s, "sts")
}

# A trust policy is only evaluated for STS actions (AssumeRole*, TagSession, SetSourceIdentity,
# SetContext), so "sts:*" (actions are case-insensitive) grants all of them, as "*" does.
trust_wildcard(a) if iam.is_wildcard(a)

trust_wildcard(a) if {
	is_string(a)
	lower(a) == "sts:*"
}

# The first wildcard a statement names: one related location per statement.
first_wildcard(s) := [a | some a in iam.actions(s); trust_wildcard(a)][0]

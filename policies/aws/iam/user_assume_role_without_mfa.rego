# METADATA
# title: IAM user may assume roles without MFA
# description: |
#   A policy that applies to IAM users allows sts:AssumeRole with no condition requiring an
#   MFA-authenticated session (aws:MultiFactorAuthPresent or aws:MultiFactorAuthAge). A leaked
#   password or access key of such a user is then enough to step into every role it may assume.
#   BoolIfExists on aws:MultiFactorAuthPresent does not require MFA: requests signed with the
#   user's long-term access keys carry no such key, and IfExists lets them through.
#   A user whose own policies deny sts:AssumeRole on every resource without a condition, or
#   under BoolIfExists aws:MultiFactorAuthPresent "false" (the IAM User Guide's deny-without-MFA
#   policy), is not counted.
#   A statement naming only roles of this configuration whose trust policy itself demands MFA of
#   every caller is not reported: AWS checks both policies, and the role's refuses a session
#   without MFA.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
# custom:
#   id: PAL-AWS-IAM-018
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_iam_user_policy, aws_iam_user, aws_iam_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-308"]
#   remediation: Add a Bool condition requiring aws:MultiFactorAuthPresent to be true to the statement that allows sts:AssumeRole.
#   fixable: false
package palisade.aws.iam.user_assume_role_without_mfa

import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Documents that apply to users: every inline user policy (its user may be declared elsewhere)
# and the managed or group policies of the users declared here.
user_documents contains {"resource": r, "path": ["policy"], "doc": r.config.policy} if {
	some r in input.resources
	r.type == "aws_iam_user_policy"
	is_object(r.config.policy)
	not inline_of_denied_user(r)
}

user_documents contains {"resource": d.resource, "path": d.path, "doc": d.doc} if {
	some d in iam_identity.documents
	startswith(d.identity, "aws_iam_user.")
	not assume_denied(d.identity)
}

# inline_of_denied_user(r): r is an inline policy of a user declared here whose own documents
# take sts:AssumeRole away (below).
inline_of_denied_user(r) if {
	some d in iam_identity.documents
	d.resource.address == r.address
	startswith(d.identity, "aws_iam_user.")
	assume_denied(d.identity)
}

# assume_denied(user): one of the user's own documents denies sts:AssumeRole on every resource
# without a condition (a "Deny *" beside an "Allow *"): Deny wins, the user assumes nothing.
assume_denied(user) if {
	some st in iam_identity.statements_of(user)
	iam_identity.denies_everywhere(st.statement, "sts:AssumeRole")
}

assume_denied(user) if {
	some st in iam_identity.statements_of(user)
	denies_without_mfa(st.statement)
}

# denies_without_mfa(s): the IAM User Guide's way to require MFA (review of round 36): a Deny of
# sts:AssumeRole (by Action, or by a NotAction that leaves it out) on every resource whose only
# condition holds for every request without MFA: BoolIfExists aws:MultiFactorAuthPresent "false"
# (a request signed with long-term access keys has no such key, and IfExists matches it) or Null
# aws:MultiFactorAuthAge "true". Bool "false" does not: requests without the key pass it.
denies_without_mfa(s) if {
	iam.is_deny(s)
	"*" in iam.resources(s)
	denies_assume_role(s)
	conditions := iam.conditions(s)
	count(conditions) == 1
	without_mfa(conditions[0])
}

denies_assume_role(s) if {
	some pattern in iam.actions(s)
	is_string(pattern)
	glob.match(lower(pattern), [], "sts:assumerole")
}

denies_assume_role(s) if {
	listed := iam.not_actions(s)
	count(listed) > 0
	every pattern in listed {
		is_string(pattern)
		not glob.match(lower(pattern), [], "sts:assumerole")
	}
}

without_mfa(c) if {
	c.key == "aws:multifactorauthpresent"
	c.operator == "boolifexists"
	count(c.values) > 0
	every v in c.values {
		unknown.is_false(v)
	}
}

without_mfa(c) if {
	c.key == "aws:multifactorauthage"
	c.operator == "null"
	count(c.values) > 0
	every v in c.values {
		unknown.is_true(v)
	}
}

# guarded(doc): the document itself holds such a Deny.
guarded(doc) if {
	some entry in iam.statements(doc)
	denies_without_mfa(entry.statement)
}

deny contains result.with_related(result.fail(d.resource, d.path, msg), related) if {
	some d in user_documents
	not guarded(d.doc)
	paths := [array.concat(d.path, entry.path) |
		some entry in iam.statements(d.doc)
		s := entry.statement
		iam.allows_action(s, "sts:AssumeRole")
		not iam.requires_mfa(s)
		not iam.condition_unknown(s)
		not targets_require_mfa(d.resource, s)
	]
	count(paths) > 0
	msg := sprintf("%s lets IAM users assume roles without MFA", [d.resource.address])
	related := [result.related(d.resource, path, "allows sts:AssumeRole without an MFA condition") | some path in paths]
}

# targets_require_mfa(holder, s): every Resource of s is the arn of a role declared here (written
# in holder's module) whose trust policy requires an MFA session in each of its Allow statements
# (CloudGoat's iam_privesc_by_key_rotation: the admin may assume the secrets role, whose trust
# demands aws:MultiFactorAuthPresent).
targets_require_mfa(holder, s) if {
	values := resource_values(object.get(s, "Resource", null))
	count(values) > 0
	every v in values {
		some role in iam_identity.of_type("aws_iam_role")
		role_arn_reference(holder.address, v, role.address)
		trust_requires_mfa(role)
	}
}

resource_values(raw) := [raw] if unknown.is_unknown(raw)

resource_values(raw) := raw if is_array(raw)

# The value is `<role>.arn`, bare or as the only interpolation of a string ("${<role>.arn}").
role_arn_reference(holder, v, address) if {
	unknown.is_unknown(v)
	text := trim_suffix(trim_prefix(trim(v["$unknown"], `"`), "${"), "}")
	endswith(text, ".arn")
	tf.names(holder, text, address)
	text == concat("", [substring(address, count(tf.scope(address)), -1), ".arn"])
}

trust_requires_mfa(role) if {
	doc := role.config.assume_role_policy
	is_object(doc)
	allows := [e.statement | some e in iam.statements(doc); iam.is_allow(e.statement)]
	count(allows) > 0
	every st in allows {
		iam.requires_mfa(st)
	}
}

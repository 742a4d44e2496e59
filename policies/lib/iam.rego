# METADATA
# title: IAM policy document helpers
# description: |
#   IAM policy JSON arrives parsed (jsonencode, heredoc and aws_iam_policy_document alike).
#   These helpers normalise its loose shapes: Statement object-or-array, and Action, NotAction,
#   Resource and Principal values string-or-array, so rules test one shape.
package palisade.lib.iam

import data.palisade.lib.modules
import data.palisade.lib.unknown

# statements(doc): [{"statement": s, "path": [...path of s inside doc...]}].
statements(doc) := [{"statement": s, "path": ["Statement", i]} |
	some i, s in doc.Statement
	is_object(s)
	unknown.known(s)
] if {
	is_array(doc.Statement)
}

statements(doc) := [{"statement": doc.Statement, "path": ["Statement"]}] if {
	is_object(doc.Statement)
	unknown.known(doc.Statement)
}

# has_unknown_statement(doc): a statement of the document (or its whole Statement) is unknown, e.g.
# what a wholly unknown list of merged source documents adds. statements(doc) leaves it out, so a
# rule that reports what a document lacks must not rest on the statements it can read.
has_unknown_statement(doc) if unknown.is_unknown(doc.Statement)

has_unknown_statement(doc) if {
	is_array(doc.Statement)
	some s in doc.Statement
	unknown.is_unknown(s)
}

# as_list: a string becomes [s], a list stays, anything else (unknown, null) is [].
as_list(x) := [x] if is_string(x)

else := x if is_array(x)

else := []

actions(s) := as_list(object.get(s, "Action", null))

not_actions(s) := as_list(object.get(s, "NotAction", null))

# allows_all_but_listed(s): an Allow whose NotAction grants something. A NotAction holding "*"
# excludes every action, so the statement grants nothing (IAM evaluates it as matching no request).
allows_all_but_listed(s) if {
	is_allow(s)
	count(not_actions(s)) > 0
	not "*" in not_actions(s)
}

# excludes_service(s, svc): the statement's NotAction lists "*" or "<svc>:*" (actions are matched
# in any case), so it allows no action of that service. A resource policy (bucket, queue) or a
# trust policy is only evaluated for its own service's actions, and there such a statement grants
# nothing.
excludes_service(s, svc) if {
	some a in not_actions(s)
	is_string(a)
	lower(a) in {"*", sprintf("%s:*", [svc])}
}

resources(s) := as_list(object.get(s, "Resource", null))

# principals(s): every principal value; "*" for `Principal: "*"`.
principals(s) := ["*"] if s.Principal == "*"

else := [p | some v in s.Principal; some p in as_list(v)] if is_object(s.Principal)

else := []

# IAM's default effect does not exist; a statement without Effect is invalid, treat as not Allow.
is_allow(s) if s.Effect == "Allow"

# star_resource_paths(s): where a statement's "Resource": "*" sits — the Resource value itself, or
# its element in a list — as paths inside the statement (the wildcard-resource rules point there).
star_resource_paths(s) := [["Resource"]] if s.Resource == "*"

else := [["Resource", i] | some i, r in s.Resource; r == "*"] if is_array(s.Resource)

else := []

is_deny(s) if s.Effect == "Deny"

is_wildcard(a) if a in {"*", "*:*"}

allows_all_actions(s) if {
	is_allow(s)
	some a in actions(s)
	is_wildcard(a)
}

allows_all_resources(s) if {
	is_allow(s)
	some r in resources(s)
	r == "*"
}

# allows_all_but_listed_resources(s): an Allow with NotResource grants its actions on every resource
# except those listed, including resources created later (IAM User Guide, NotResource). A
# NotResource holding "*" excludes everything; an unknown value or element is left alone (it could
# be "*").
allows_all_but_listed_resources(s) if {
	is_allow(s)
	listed := as_list(object.get(s, "NotResource", null))
	count(listed) > 0
	every r in listed {
		is_string(r)
		r != "*"
	}
}

# service_wildcards(s): actions of the form "service:*" the statement allows.
service_wildcards(s) := {a |
	is_allow(s)
	some a in actions(s)
	is_string(a)
	endswith(a, ":*") # a cheap test first: the expression below is for the few that pass it
	regex.match(`^[A-Za-z0-9-]+:\*$`, a)
}

# allows_action(s, action): an Action pattern of an Allow statement matches the action
# (IAM actions are case-insensitive; `*` and `?` are wildcards).
allows_action(s, action) if {
	is_allow(s)
	some a in actions(s)
	is_string(a)
	glob.match(lower(a), [], lower(action))
}

# principal_is_public(s): the statement names everyone ("*" or {"AWS": "*"}).
principal_is_public(s) if {
	some p in principals(s)
	p == "*"
}

# has_condition(s): the statement has a Condition (an unknown one counts: it may restrict).
has_condition(s) if {
	c := s.Condition
	is_object(c)
	count(c) > 0
}

# expired(s): a condition that no request made now can meet: DateLessThan(Equals) on the request
# time (aws:CurrentTime) or on the session's issue time (aws:TokenIssueTime: a session issued now
# is later; long-term keys have none, and a missing key fails a condition without IfExists) with
# every value a date already past. Cheap for the rest: most statements have no Condition.
expired(s) if {
	has_condition(s)
	some operator in ["DateLessThan", "DateLessThanEquals"]
	tests := s.Condition[operator]
	is_object(tests)
	some key, values in tests
	lower(key) in {"aws:currenttime", "aws:tokenissuetime"}
	dates := as_list(values)
	count(dates) > 0
	every date in dates {
		past(date)
	}
}

past(date) if time.parse_rfc3339_ns(date) < time.now_ns()

# identity_policies: every identity-based policy document in the unit, with where it sits:
# {"resource", "path" (of the document inside config), "doc"}. Documents from
# aws_iam_policy_document data sources arrive here already rendered.
identity_policy_types := {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"}

identity_policies contains {"resource": r, "path": ["policy"], "doc": r.config.policy} if {
	some r in input.resources
	r.type in identity_policy_types
	is_object(r.config.policy)
	not boundary_only(r)
}

# Session 24: an opaque call of terraform-aws-modules/iam's `iam-policy` submodule creates one
# aws_iam_policy from its `policy` input (a JSON string, parsed like the resource's), so the
# document rules judge the call as they judge the resource and report on the call's input. Rules
# reading identity_statements list the submodule among their resource_types.
identity_policies contains {"resource": m, "path": ["policy"], "doc": m.config.policy} if {
	some m in modules.submodule_calls("iam", "iam-policy")
	is_object(m.config.policy)
	not boundary_only(m)
}

identity_policies contains {"resource": r, "path": ["inline_policy", i, "policy"], "doc": b.policy} if {
	some r in input.resources
	r.type == "aws_iam_role"
	some i, b in unknown.items(object.get(r.config, "inline_policy", null))
	is_object(b.policy)
}

# boundary_only(p): a managed policy the unit uses as a permissions boundary and never attaches.
# A boundary grants nothing; it caps what a role's own policies grant (AWS: the effective
# permissions are the intersection), so its broad Allow statements ("s3:*" on "*") are the cap,
# not a grant (the GitHub-runners setup-iam-permissions module, held-out H3). Used as a boundary:
# named in a role's or user's permissions_boundary, or the value another policy of the unit
# requires in an iam:PermissionsBoundary condition (the boundary every role it lets create must
# carry). Attached: any other reference from a resource or module call in the unit.
boundary_only(p) if {
	object.get(p, "type", "aws_iam_policy") == "aws_iam_policy" # a module call has no type
	some target in boundary_targets
	_names(target, p.address)
	not _attached(p.address)
}

# [identity, policy address] for each role's or user's permissions_boundary reference, found in
# one pass (iam_escalation reads it too, to cap an identity's paths by its boundary).
boundary_refs contains [r.address, ref.target] if {
	some r in input.resources
	r.type in {"aws_iam_role", "aws_iam_user"}
	some ref in r.references
	ref.path == ["permissions_boundary"]
}

# The targets of boundary references, computed once for the unit (not per policy).
boundary_targets contains target if some [_, target] in boundary_refs

boundary_targets contains ref.target if {
	some q in input.resources
	q.type in identity_policy_types
	some ref in q.references
	_boundary_condition_ref(q, ref)
}

# A reference into q's policy that fills an iam:PermissionsBoundary condition value: the
# condition's unknown leaf is the templatefile() variable the reference fills (its text is the
# variable's name) or names the referenced resource.
_boundary_condition_ref(q, ref) if {
	count(ref.path) == 2
	ref.path[0] == "policy"
	is_object(q.config.policy)
	some entry in statements(q.config.policy)
	some tests in object.get(entry.statement, "Condition", {})
	is_object(tests)
	some key, value in tests
	lower(key) == "iam:permissionsboundary"
	text := object.get(value, "$unknown", null)
	is_string(text)
	_fills(text, ref)
}

_fills(text, ref) if text == ref.path[1]

_fills(text, ref) if contains(text, ref.target)

_attached(address) if {
	some r in input.resources
	some ref in r.references
	_names(ref.target, address)
	ref.path != ["permissions_boundary"]
	not _boundary_condition_ref(r, ref)
}

_attached(address) if {
	some m in object.get(input, "modules", [])
	some ref in object.get(m, "references", [])
	_names(ref.target, address)
}

_names(target, address) if target == address

_names(target, address) if startswith(target, concat("", [address, "["]))

_names(target, address) if startswith(address, concat("", [target, "["]))

# identity_statements: each Allow/Deny statement of those documents, with its full path.
identity_statements contains {"resource": p.resource, "path": array.concat(p.path, entry.path), "statement": entry.statement} if {
	some p in identity_policies
	some entry in statements(p.doc)
}

# cancelled(st, action): a statement of identity_statements sits in a document that also denies
# the action (or action pattern: "iam:*") on every resource without a condition. Deny wins over
# any Allow of the same request, so the document grants nothing of it (an "Allow iam:*" beside a
# "Deny iam:*" allows no IAM action). A Deny of part of the pattern does not cancel it.
cancelled(st, action) if {
	some d in unconditional_denies
	d.address == st.resource.address
	array.slice(st.path, 0, count(d.doc)) == d.doc
	glob.match(d.pattern, [], lower(action))
}

# unconditional_denies: {"address", "doc" (path of the document), "pattern"} for each action
# pattern of a Deny on "*" without a condition; found once per unit (most have none).
unconditional_denies contains {"address": p.resource.address, "doc": p.path, "pattern": lower(pattern)} if {
	some p in identity_policies
	some entry in statements(p.doc)
	s := entry.statement
	is_deny(s)
	not has_condition(s)
	"*" in resources(s)
	some pattern in actions(s)
	is_string(pattern)
}

# scoped_by_deny(st, action): the statement's document also denies the action (or a pattern of
# it), without a condition, on every resource but those a NotResource names one by one. Deny wins,
# so whatever the Allow names, the action is granted on those resources at most (IAM User Guide,
# NotResource with Deny).
scoped_by_deny(st, action) if {
	some d in not_resource_denies
	d.address == st.resource.address
	array.slice(st.path, 0, count(d.doc)) == d.doc
	glob.match(d.pattern, [], lower(action))
}

# not_resource_denies: {"address", "doc", "pattern"} for each action pattern of an unconditional
# Deny whose NotResource lists named resources only; found once per unit (most have none).
not_resource_denies contains {"address": p.resource.address, "doc": p.path, "pattern": lower(pattern)} if {
	some p in identity_policies
	some entry in statements(p.doc)
	s := entry.statement
	is_deny(s)
	not has_condition(s)
	listed := as_list(object.get(s, "NotResource", null))
	count(listed) > 0
	every r in listed {
		names_resources(r)
	}
	some pattern in actions(s)
	is_string(pattern)
}

# names_resources(arn): a known ARN without wildcards, or a bucket's objects
# (`arn:aws:s3:::reports/*`). `arn:aws:s3:::*` or `arn:aws:sqs:*:*:*` still reach a whole service.
names_resources(arn) if {
	is_string(arn)
	startswith(arn, "arn:")
	not contains(arn, "*")
	not contains(arn, "?")
}

names_resources(arn) if {
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:s3:::[^*?/]+/\*$`, arn)
}

# public_statements(doc): Allow statements that name everyone as principal without any
# condition, i.e. grants to the whole internet (resource-based policies).
public_statements(doc) := [entry |
	some entry in statements(doc)
	is_allow(entry.statement)
	principal_is_public(entry.statement)
	not has_condition(entry.statement)
]

# aws_principals(s): the statement's Principal.AWS values ("*" for `Principal: "*"`).
aws_principals(s) := ["*"] if s.Principal == "*"

else := as_list(object.get(s.Principal, "AWS", null)) if is_object(s.Principal)

else := []

# account_principal(p): the 12-digit account a known account or IAM ARN principal belongs to.
account_principal(p) := p if {
	is_string(p)
	regex.match(`^[0-9]{12}$`, p)
}

account_principal(p) := account if {
	is_string(p)
	parts := regex.find_all_string_submatch_n(`^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):`, p, 1)
	count(parts) == 1
	account := parts[0][1]
}

# conditions(s): each (operator, key, values) the statement's Condition tests; keys lower-cased.
conditions(s) := [{"operator": lower(op), "key": lower(k), "values": condition_values(v)} |
	is_object(s.Condition)
	some op, block in s.Condition
	is_object(block)
	some k, v in block
]

# condition_values(v): a condition's value list (a single string, number or boolean is one value).
condition_values(v) := v if is_array(v)

else := [v]

# condition_unknown(s): some part of the Condition is unknown, so it may restrict anything.
condition_unknown(s) if unknown.is_unknown(s.Condition)

condition_unknown(s) if {
	some block in s.Condition
	unknown.is_unknown(block)
}

condition_unknown(s) if {
	some c in conditions(s)
	some v in c.values
	unknown.is_unknown(v)
}

condition_unknown(s) if {
	some block in s.Condition
	some v in block
	unknown.is_unknown(v)
}

# requires_mfa(s): the Condition demands an MFA-authenticated session. BoolIfExists does not:
# requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, and IfExists
# lets a request without the key pass (round 36).
requires_mfa(s) if {
	some c in conditions(s)
	c.key == "aws:multifactorauthpresent"
	c.operator == "bool"
	some v in c.values
	unknown.is_true(v)
}

requires_mfa(s) if {
	some c in conditions(s)
	c.key == "aws:multifactorauthage"
	startswith(c.operator, "numericlessthan")
}

requires_mfa(s) if {
	some c in conditions(s)
	c.key == "aws:multifactorauthage"
	c.operator == "null"
	some v in c.values
	unknown.is_false(v)
}

# requires_external_id(s): the Condition pins sts:ExternalId to a non-empty value. IfExists
# operators let a request without an external ID pass, and a StringLike pattern made only of
# wildcards (*, ?*) matches any ID (round 36).
requires_external_id(s) if {
	some c in conditions(s)
	c.key == "sts:externalid"
	startswith(c.operator, "string")
	not contains(c.operator, "not")
	not endswith(c.operator, "ifexists")
	some v in c.values
	is_string(v)
	v != ""
	not any_value_pattern(c.operator, v)
}

any_value_pattern(operator, v) if {
	contains(operator, "like")
	regex.match(`^[*?]*\*[*?]*$`, v)
}

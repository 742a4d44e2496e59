# METADATA
# title: Resource-based policy helpers
# description: |
#   Questions about resource-based policies (bucket, queue, topic, secret, file system, …
#   policies) built on palisade.lib.iam's statement helpers. "Any principal" means Principal
#   "*" or {"AWS": "*"}; such a statement is still scoped when a condition restricts who or what
#   may call (organization, account, source ARN, VPC endpoint, …). An IP-address condition alone
#   limits where calls come from, not who makes them, so it does not count as scoping, nor does a
#   condition naming only the service a call passes through (kms:ViaService, aws:CalledVia). Neither does
#   a condition that admits everyone it does not name (a negated operator such as ArnNotEquals, or
#   ForAllValues / …IfExists / Null, which also hold when the request lacks the key), nor one whose
#   value is a wildcard for the account (`"*"`, `"arn:aws:iam::*"`): that is still anybody.
package palisade.lib.resource_policy

import data.palisade.lib.iam
import data.palisade.lib.unknown

# Condition keys that tie a request to known identities or sources (lower-cased). aws:username is
# not one: any account can create a user of that name. Nor are kms:ViaService and aws:CalledVia*:
# they name the service a request passes through, which any account's principals can use (AWS
# pairs kms:ViaService with kms:CallerAccount for that reason). Nor are aws:ResourceAccount and
# aws:ResourceOrgID: in a resource's own policy the resource is always the owner's, so they hold
# for every caller (they scope identity and VPC endpoint policies).
scoping_keys := {
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:principalservicename", "aws:principalservicenameslist", "aws:userid",
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
	"aws:sourcevpce", "aws:sourcevpc", "kms:calleraccount",
	"elasticfilesystem:accesspointarn", "s3:dataaccesspointaccount",
}

# document(v): the policy document held by an attribute. A known value is the document itself. A
# JSON heredoc or string that interpolates something unknown (`"Resource": "${aws_sqs_queue.q.arn}"`)
# arrives as an unknown carrying its source text; the document is read from that text with each
# interpolation replaced by the placeholder "<unknown>", which never equals a wildcard, so the
# unknown parts cannot produce a finding. Anything else (a reference, a function call) stays unknown.
document(v) := v if {
	is_object(v)
	unknown.known(v)
}

document(v) := doc if {
	unknown.is_unknown(v)
	text := trim_space(v["$unknown"])
	filled := regex.replace(template_body(text), `\$\{[^{}]*\}`, "<unknown>")
	json.is_valid(filled)
	doc := json.unmarshal(filled)
	is_object(doc)
	doc.Statement
}

# template_body(text): the body of a heredoc (<<MARK / <<-MARK … MARK), or a quoted string's content.
template_body(text) := body if {
	startswith(text, "<<")
	lines := split(text, "\n")
	count(lines) > 2
	body := concat("\n", array.slice(lines, 1, count(lines) - 1))
}

template_body(text) := body if {
	startswith(text, `"`)
	json.is_valid(text)
	body := json.unmarshal(text)
}

# scoped(s): a condition restricts the caller, or the condition cannot be read (it may).
scoped(s) if {
	some operator, keys in s.Condition
	restricting_operator(operator)
	some key, value in keys
	lower(key) in scoping_keys
	pins(value)
}

scoped(s) if unknown.is_unknown(s.Condition)

scoped(s) if {
	some keys in s.Condition
	unknown.is_unknown(keys)
}

# restricting_operator(op): the operator holds only for the values it names. Negated operators
# (StringNotEquals, ArnNotLike, …) hold for everyone else; ForAllValues:…, …IfExists and Null also
# hold when the request has no such key at all.
restricting_operator(op) if {
	is_string(op)
	lower_op := lower(op)
	not contains(lower_op, "not")
	not startswith(lower_op, "forallvalues:")
	not endswith(lower_op, "ifexists")
	lower_op != "null"
}

# pins(value): the condition value names particular identities or sources; an unknown value may.
pins(value) if unknown.is_unknown(value)

# An empty list matches no request, so the statement grants nothing rather than everything: a
# module's `values = var.aws_account_sources` whose default [] its caller fills in (alphagov
# forms-deploy's Cribl queue, held-out s19/h3) restricts the statement to the caller's accounts.
pins(value) if {
	is_array(value)
	count(value) == 0
}

pins(value) if {
	not unknown.is_unknown(value)
	values := value_list(value)
	count(values) > 0
	every v in values {
		not open_value(v)
	}
}

value_list(v) := v if is_array(v)

else := [v]

# open_value(v): a wildcard that matches any caller — "*" alone, or an ARN whose account is a
# wildcard (or, for account-less ARNs such as S3's, whose resource is).
open_value(v) if {
	is_string(v)
	only_wildcards(v)
}

open_value(v) if {
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 5
	lower(parts[0]) == "arn"
	wildcarded(parts[4])
}

open_value(v) if {
	is_string(v)
	parts := split(v, ":")
	count(parts) >= 6
	lower(parts[0]) == "arn"
	parts[4] == ""
	only_wildcards(concat(":", array.slice(parts, 5, count(parts))))
}

# wildcarded(s) / only_wildcards(s): s holds an IAM wildcard / is nothing but wildcards (and not
# empty). String tests, not regular expressions: asked for every principal of every statement.
wildcarded(s) if contains(s, "*")

wildcarded(s) if contains(s, "?")

only_wildcards(s) if {
	s != ""
	replace(replace(s, "*", ""), "?", "") == ""
}

# any_principal_statements(doc): Allow statements open to any principal (or to all but those a
# NotPrincipal names) and not scoped by a condition, each {"statement", "path"} (path inside the document).
any_principal_statements(doc) := [entry |
	some entry in iam.statements(doc)
	iam.is_allow(entry.statement)
	open_to_all(entry.statement)
	not scoped(entry.statement)
]

open_to_all(s) if iam.principal_is_public(s)

# Allow with NotPrincipal grants every principal except those named, anonymous callers included
# (IAM User Guide, NotPrincipal); naming "*" there excludes everyone.
open_to_all(s) if {
	not_principal := s.NotPrincipal
	not_principal != null
	not "*" in iam.principals({"Principal": not_principal})
}

# allows_all_actions_of(s, service): the Allow statement's actions include "*" or "<service>:*".
allows_all_actions_of(s, service) if {
	iam.is_allow(s)
	some a in iam.actions(s)
	is_string(a)
	lower(a) in {"*", "*:*", concat("", [service, ":*"])}
}

# action_labels(s): the statement's known actions, for messages.
action_labels(s) := concat(", ", [a | some a in iam.actions(s); is_string(a)])

# METADATA
# title: IAM identity helpers
# description: |
#   Which policy documents apply to an IAM user, group or role, in every form Terraform writes
#   them: inline (aws_iam_*_policy, a role's inline_policy blocks), managed policies attached
#   with aws_iam_*_policy_attachment, aws_iam_*_policy_attachments_exclusive,
#   aws_iam_policy_attachment or a role's managed_policy_arns (by reference, or by an ARN
#   written out with the policy's name),
#   and for users the policies of the groups they belong to. An identity is designated by a
#   reference to it or by its known name. Then: which actions those documents grant.
package palisade.lib.iam_identity

import data.palisade.lib.iam
import data.palisade.lib.tf
import data.palisade.lib.unknown

# How each identity type is named by the resources that give it permissions.
# "exclusive" is provider v5.7x's aws_iam_*_policy_attachments_exclusive: one resource naming the
# identity (exclusive_key) with every managed policy it may keep (policy_arns).
kinds := {
	"aws_iam_user": {"inline": "aws_iam_user_policy", "attachment": "aws_iam_user_policy_attachment", "key": "user", "list": "users", "exclusive": "aws_iam_user_policy_attachments_exclusive", "exclusive_key": "user_name"},
	"aws_iam_group": {"inline": "aws_iam_group_policy", "attachment": "aws_iam_group_policy_attachment", "key": "group", "list": "groups", "exclusive": "aws_iam_group_policy_attachments_exclusive", "exclusive_key": "group_name"},
	"aws_iam_role": {"inline": "aws_iam_role_policy", "attachment": "aws_iam_role_policy_attachment", "key": "role", "list": "roles", "exclusive": "aws_iam_role_policy_attachments_exclusive", "exclusive_key": "role_name"},
}

# The unit's IAM resources, found in one pass over input.resources; the lookups below search
# only these (a unit's hundreds of other resources are not walked once per identity). The types
# are those of kinds plus policies and memberships, written out (iam_identity_test checks them):
# a complete rule is evaluated again for every unit.
iam_types := {
	"aws_iam_user", "aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_user_policy_attachments_exclusive",
	"aws_iam_group", "aws_iam_group_policy", "aws_iam_group_policy_attachment", "aws_iam_group_policy_attachments_exclusive",
	"aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_role_policy_attachments_exclusive",
	"aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_group_membership", "aws_iam_user_group_membership",
}

iam_resources := [r | some r in input.resources; r.type in iam_types]

# of_type(type): the unit's IAM resources of that type, in model order.
of_type(resource_type) := [r | some r in iam_resources; r.type == resource_type]

identities := [r | some r in iam_resources; kinds[r.type]]

# designates(r, path, identity): the attribute at path of r names the identity, by a reference
# to it or by a known name equal to the identity's known name.
designates(r, path, identity) if {
	some ref in r.references
	ref.path == path
	tf.refers_to(ref.target, identity.address)
}

designates(r, path, identity) if {
	name := object.get(r.config, path, null)
	is_string(name)
	name == identity.config.name
}

# designated(r, path, type): the addresses of the identities of that type the attribute at path
# of r names (designates, asked of every identity of the type at once). Addresses, not the
# resources: a set keys its members by their whole value, and an identity's key spells out its
# whole configuration (policies included); every caller reads only the address.
designated(r, path, identity_type) := _referenced_addresses(r, path, identity_type) | _named_addresses(r, path, identity_type)

# referenced(r, path, type): the unit's IAM resources of that type a reference at path of r names
# (tf.refers_to). A reference and the resource it names share the address up to its first "["
# (equal, or one is the other plus an instance key), so only resources with that key are compared.
referenced(r, path, resource_type) := {x |
	some ref in r.references
	ref.path == path
	some x in object.get(keyed(resource_type), address_key(ref.target), [])
	tf.refers_to(ref.target, x.address)
}

# referenced, as addresses.
_referenced_addresses(r, path, resource_type) := {x.address |
	some ref in r.references
	ref.path == path
	some x in object.get(keyed(resource_type), address_key(ref.target), [])
	tf.refers_to(ref.target, x.address)
}

_named_addresses(r, path, identity_type) := {identity.address |
	name := object.get(r.config, path, null)
	is_string(name)
	some identity in of_type(identity_type)
	name == identity.config.name
}

# keyed(type): the unit's IAM resources of that type by address_key. Keys are usually distinct
# (one resource each, built in one pass); instances of one resource share theirs.
keyed(resource_type) := {address_key(x.address): [x] | some x in resources} if {
	resources := of_type(resource_type)
	count({address_key(x.address) | some x in resources}) == count(resources)
} else := {key: [x | some x in of_type(resource_type); address_key(x.address) == key] |
	some key in {address_key(r.address) | some r in of_type(resource_type)}
}

address_key(address) := split(address, "[")[0]

# managed_documents(r, path): the aws_iam_policy documents the attribute at path of r refers to:
# by a reference, or (with none) by an ARN written out whose policy name is a policy's known name
# (`"arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/deploy"`): IAM names a
# customer managed policy uniquely within its account.
managed_documents(r, path) := {{"resource": p, "path": ["policy"], "doc": p.config.policy, "via": r.address} |
	some p in attached_policies(r, path)
	is_object(p.config.policy)
}

attached_policies(r, path) := found if {
	found := referenced(r, path, "aws_iam_policy")
	count(found) > 0
} else := object.get(policies_by_name, arn_policy_name(object.get(r.config, path, null)), set())

# policies_by_name: the unit's aws_iam_policy resources by known name, built once.
policies_by_name[name] := {p | some p in of_type("aws_iam_policy"); p.config.name == name} if {
	some x in of_type("aws_iam_policy")
	name := x.config.name
	is_string(name)
}

# arn_policy_name(value): the name at the end of a customer managed policy's ARN (not an AWS managed
# one: account "aws"), known or in an ARN template whose name part is literal.
arn_policy_name(value) := name if {
	is_string(value)
	parts := regex.find_all_string_submatch_n(`^arn:[^:]+:iam::([^:]+):policy/(?:.*/)?([A-Za-z0-9+=,.@_-]+)$`, value, 1)
	count(parts) == 1
	parts[0][1] != "aws"
	name := parts[0][2]
}

arn_policy_name(value) := name if {
	unknown.is_unknown(value)
	parts := regex.find_all_string_submatch_n(`^"arn:[^:]+:iam::([^:]*):policy/(?:[^"]*/)?([A-Za-z0-9+=,.@_-]+)"$`, value["$unknown"], 1)
	count(parts) == 1
	parts[0][1] != "aws"
	name := parts[0][2]
}

# direct_documents: {"identity": address, "resource": policy holder, "path": doc path, "doc", "via"}.
# Each body walks the holders of one kind and asks which identities they name.
direct_documents contains {"resource": r, "path": ["policy"], "doc": r.config.policy, "via": r.address, "identity": identity} if {
	some identity_type, kind in kinds
	some r in of_type(kind.inline)
	is_object(r.config.policy)
	some identity in designated(r, [kind.key], identity_type)
}

direct_documents contains {"resource": role, "path": ["inline_policy", i, "policy"], "doc": block.policy, "via": role.address, "identity": role.address} if {
	some role in of_type("aws_iam_role")
	some i, block in unknown.items(object.get(role.config, "inline_policy", null))
	is_object(block.policy)
}

direct_documents contains object.union(d, {"identity": identity}) if {
	some identity_type, kind in kinds
	some r in of_type(kind.attachment)
	docs := managed_documents(r, ["policy_arn"])
	count(docs) > 0
	some identity in designated(r, [kind.key], identity_type)
	some d in docs
}

direct_documents contains object.union(d, {"identity": identity}) if {
	some r in of_type("aws_iam_policy_attachment")
	docs := managed_documents(r, ["policy_arn"])
	count(docs) > 0
	some identity_type, kind in kinds
	some i, _ in unknown.items(object.get(r.config, kind.list, null))
	some identity in designated(r, [kind.list, i], identity_type)
	some d in docs
}

direct_documents contains object.union(d, {"identity": identity}) if {
	some identity_type, kind in kinds
	some r in of_type(kind.exclusive)
	some i, _ in unknown.items(object.get(r.config, "policy_arns", null))
	docs := managed_documents(r, ["policy_arns", i])
	count(docs) > 0
	some identity in designated(r, [kind.exclusive_key], identity_type)
	some d in docs
}

direct_documents contains object.union(d, {"identity": role.address}) if {
	some role in of_type("aws_iam_role")
	some i, _ in unknown.items(object.get(role.config, "managed_policy_arns", null))
	some d in managed_documents(role, ["managed_policy_arns", i])
}

# attached_arns: {"identity": address, "arn"} for each managed policy attached by a known ARN
# (an AWS managed policy, whose document is not in the configuration), also when the ARN is written
# for any partition or looked up (managed_arn).
attached_arns contains {"identity": identity, "arn": arn} if {
	some identity_type, kind in kinds
	some r in of_type(kind.attachment)
	arn := managed_arn(r, ["policy_arn"], r.config.policy_arn)
	some identity in designated(r, [kind.key], identity_type)
}

attached_arns contains {"identity": identity, "arn": arn} if {
	some r in of_type("aws_iam_policy_attachment")
	arn := managed_arn(r, ["policy_arn"], r.config.policy_arn)
	some identity_type, kind in kinds
	some i, _ in unknown.items(object.get(r.config, kind.list, null))
	some identity in designated(r, [kind.list, i], identity_type)
}

attached_arns contains {"identity": identity, "arn": arn} if {
	some identity_type, kind in kinds
	some r in of_type(kind.exclusive)
	some j, value in unknown.items(object.get(r.config, "policy_arns", null))
	arn := managed_arn(r, ["policy_arns", j], value)
	some identity in designated(r, [kind.exclusive_key], identity_type)
}

attached_arns contains {"identity": role.address, "arn": arn} if {
	some role in of_type("aws_iam_role")
	some j, value in unknown.items(object.get(role.config, "managed_policy_arns", null))
	arn := managed_arn(role, ["managed_policy_arns", j], value)
}

# managed_arn(r, path, value): the ARN of the managed policy `value` (at path in r) names: a known
# string; an AWS managed policy's ARN written for any partition
# ("arn:${data.aws_partition.current.partition}:iam::aws:policy/IAMFullAccess"), read as the aws
# partition's; or the `arn` of a `data "aws_iam_policy"` looked up by a known ARN or by name (an AWS
# managed policy by that name: IAM-007 reads the lookup the same way). Unknown otherwise.
managed_arn(_, _, value) := value if is_string(value)

managed_arn(_, _, value) := concat("", ["arn:aws:iam::aws:policy/", parts[0][1]]) if {
	unknown.is_unknown(value)
	parts := regex.find_all_string_submatch_n(`^"arn:(?:\$\{[^}]+\}|[a-z-]+):iam::aws:policy/([A-Za-z0-9+=,.@_/-]+)"$`, value["$unknown"], 1)
	count(parts) == 1
}

managed_arn(r, path, value) := arn if {
	unknown.is_unknown(value)
	startswith(value["$unknown"], "data.aws_iam_policy.")
	some ref in r.references
	ref.path == path
	ref.attribute == "arn"
	some d in tf.data_sources("aws_iam_policy")
	tf.refers_to(ref.target, d.address)
	arn := looked_up_arn(d.config)
}

looked_up_arn(config) := config.arn if is_string(config.arn)

looked_up_arn(config) := concat("", ["arn:aws:iam::aws:policy/", config.name]) if {
	not is_string(config.arn)
	is_string(config.name)
}

# managed_attachments: [resource, path, value] for each place a managed policy's ARN is attached
# (the policy_arn of aws_iam_*_policy_attachment and aws_iam_policy_attachment, a role's
# managed_policy_arns, the policy_arns of aws_iam_*_policy_attachments_exclusive), whichever
# identity it names. The rules that report an AWS managed policy where it is attached (IAM-002,
# IAM-008, IAM-024) read each value with managed_arn.
managed_attachments contains [r, ["policy_arn"], r.config.policy_arn] if {
	some r in iam_resources
	r.type in _attachment_types
}

managed_attachments contains [r, ["managed_policy_arns", i], value] if {
	some r in of_type("aws_iam_role")
	some i, value in unknown.items(object.get(r.config, "managed_policy_arns", null))
}

managed_attachments contains [r, ["policy_arns", i], value] if {
	some r in iam_resources
	r.type in _exclusive_types
	some i, value in unknown.items(object.get(r.config, "policy_arns", null))
}

_attachment_types := {"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"}

_exclusive_types := {"aws_iam_role_policy_attachments_exclusive", "aws_iam_user_policy_attachments_exclusive", "aws_iam_group_policy_attachments_exclusive"}

# aws_managed_name(arn): the name of an AWS managed policy at the root path, any partition
# ("arn:aws:iam::aws:policy/AWSLambdaExecute" → "AWSLambdaExecute"); undefined for a policy under a
# path (service-role/…, job-function/…) or a customer's.
aws_managed_name(arn) := parts[0][1] if {
	is_string(arn)
	parts := regex.find_all_string_submatch_n(`^arn:[a-z-]+:iam::aws:policy/([A-Za-z0-9+=,.@_-]+)$`, arn, 1)
	count(parts) == 1
}

# memberships: [user address, group address] for each membership either membership resource makes.
memberships contains [user, group] if {
	some m in of_type("aws_iam_group_membership")
	some group in designated(m, ["group"], "aws_iam_group")
	some i, _ in unknown.items(object.get(m.config, "users", null))
	some user in designated(m, ["users", i], "aws_iam_user")
}

memberships contains [user, group] if {
	some m in of_type("aws_iam_user_group_membership")
	some user in designated(m, ["user"], "aws_iam_user")
	some i, _ in unknown.items(object.get(m.config, "groups", null))
	some group in designated(m, ["groups", i], "aws_iam_group")
}

# member_of(user, group): group membership through either membership resource.
member_of(user, group) if [user.address, group.address] in memberships

# documents: direct documents plus, for users, those of their groups ("group" says which).
documents contains d if some d in direct_documents

documents contains object.union(d, {"identity": user, "group": group}) if {
	some [user, group] in memberships
	some d in direct_documents
	d.identity == group
}

# statements_of(address): every statement of the identity's documents with its full path
# inside the holder's config.
statements_of(address) := {{"resource": d.resource, "path": array.concat(d.path, entry.path), "statement": entry.statement} |
	some d in documents
	d.identity == address
	some entry in iam.statements(d.doc)
}

# allows(s, action): an Allow statement covers the action through Action or NotAction.
allows(s, action) if iam.allows_action(s, action)

allows(s, action) if {
	iam.is_allow(s)
	excluded := iam.not_actions(s)
	count(excluded) > 0
	every pattern in excluded {
		is_string(pattern)
		not glob.match(lower(pattern), [], lower(action))
	}
}

# denies_everywhere(s, action): an unconditional Deny of the action on every resource.
denies_everywhere(s, action) if {
	iam.is_deny(s)
	not iam.has_condition(s)
	"*" in iam.resources(s)
	some pattern in iam.actions(s)
	is_string(pattern)
	glob.match(lower(pattern), [], lower(action))
}

# granting(address, action): the statements that give the identity the action, empty when an
# unconditional Deny in its own documents takes it away.
granting(address, action) := set() if {
	some st in statements_of(address)
	denies_everywhere(st.statement, action)
} else := {st |
	some st in statements_of(address)
	allows(st.statement, action)
}

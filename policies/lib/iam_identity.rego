# METADATA
# title: IAM identity helpers
# description: |
#   Which policy documents apply to an IAM user, group or role, in every form Terraform writes
#   them: inline (aws_iam_*_policy, a role's inline_policy blocks), managed policies attached
#   with aws_iam_*_policy_attachment, aws_iam_policy_attachment or a role's managed_policy_arns,
#   and for users the policies of the groups they belong to. An identity is designated by a
#   reference to it or by its known name. Then: which actions those documents grant.
package palisade.lib.iam_identity

import data.palisade.lib.iam
import data.palisade.lib.tf
import data.palisade.lib.unknown

# How each identity type is named by the resources that give it permissions.
kinds := {
	"aws_iam_user": {"inline": "aws_iam_user_policy", "attachment": "aws_iam_user_policy_attachment", "key": "user", "list": "users"},
	"aws_iam_group": {"inline": "aws_iam_group_policy", "attachment": "aws_iam_group_policy_attachment", "key": "group", "list": "groups"},
	"aws_iam_role": {"inline": "aws_iam_role_policy", "attachment": "aws_iam_role_policy_attachment", "key": "role", "list": "roles"},
}

identities := [r | some r in input.resources; kinds[r.type]]

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

# managed_documents(r, path): the aws_iam_policy documents the attribute at path of r refers to.
managed_documents(r, path) := {{"resource": p, "path": ["policy"], "doc": p.config.policy, "via": r.address} |
	some ref in r.references
	ref.path == path
	some p in input.resources
	p.type == "aws_iam_policy"
	tf.refers_to(ref.target, p.address)
	is_object(p.config.policy)
}

# direct_documents: {"identity": address, "resource": policy holder, "path": doc path, "doc", "via"}.
direct_documents contains object.union(d, {"identity": identity.address}) if {
	some identity in identities
	some r in input.resources
	r.type == kinds[identity.type].inline
	designates(r, [kinds[identity.type].key], identity)
	is_object(r.config.policy)
	d := {"resource": r, "path": ["policy"], "doc": r.config.policy, "via": r.address}
}

direct_documents contains object.union(d, {"identity": identity.address}) if {
	some identity in identities
	identity.type == "aws_iam_role"
	some i, block in unknown.items(object.get(identity.config, "inline_policy", null))
	is_object(block.policy)
	d := {"resource": identity, "path": ["inline_policy", i, "policy"], "doc": block.policy, "via": identity.address}
}

direct_documents contains object.union(d, {"identity": identity.address}) if {
	some identity in identities
	some r in input.resources
	r.type == kinds[identity.type].attachment
	designates(r, [kinds[identity.type].key], identity)
	some d in managed_documents(r, ["policy_arn"])
}

direct_documents contains object.union(d, {"identity": identity.address}) if {
	some identity in identities
	some r in input.resources
	r.type == "aws_iam_policy_attachment"
	some i, _ in unknown.items(object.get(r.config, kinds[identity.type].list, null))
	designates(r, [kinds[identity.type].list, i], identity)
	some d in managed_documents(r, ["policy_arn"])
}

direct_documents contains object.union(d, {"identity": identity.address}) if {
	some identity in identities
	identity.type == "aws_iam_role"
	some i, _ in unknown.items(object.get(identity.config, "managed_policy_arns", null))
	some d in managed_documents(identity, ["managed_policy_arns", i])
}

# member_of(user, group): group membership through either membership resource.
member_of(user, group) if {
	some m in tf.resources("aws_iam_group_membership")
	designates(m, ["group"], group)
	some i, _ in unknown.items(object.get(m.config, "users", null))
	designates(m, ["users", i], user)
}

member_of(user, group) if {
	some m in tf.resources("aws_iam_user_group_membership")
	designates(m, ["user"], user)
	some i, _ in unknown.items(object.get(m.config, "groups", null))
	designates(m, ["groups", i], group)
}

# documents: direct documents plus, for users, those of their groups ("group" says which).
documents contains d if some d in direct_documents

documents contains object.union(d, {"identity": user.address, "group": group.address}) if {
	some user in tf.resources("aws_iam_user")
	some group in tf.resources("aws_iam_group")
	member_of(user, group)
	some d in direct_documents
	d.identity == group.address
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

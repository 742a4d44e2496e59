package palisade.lib.iam_identity_test

import data.palisade.lib.iam_identity

user := {"address": "aws_iam_user.dev", "type": "aws_iam_user", "name": "dev", "config": {"name": "dev"}, "references": []}

group := {"address": "aws_iam_group.ops", "type": "aws_iam_group", "name": "ops", "config": {"name": "ops"}, "references": []}

role := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [{"path": ["managed_policy_arns", 0], "target": "aws_iam_policy.managed", "attribute": "arn"}], "config": {
	"name": "app",
	"inline_policy": [{"name": "i", "policy": doc(["s3:GetObject"])}],
	"managed_policy_arns": [{"$unknown": "aws_iam_policy.managed.arn"}],
}}

doc(actions) := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}

managed := {"address": "aws_iam_policy.managed", "type": "aws_iam_policy", "name": "managed", "config": {"policy": doc(["iam:PassRole"])}, "references": []}

ref(path, target) := {"path": path, "target": target, "attribute": "name"}

test_inline_by_reference_and_by_name if {
	by_ref := {"address": "aws_iam_user_policy.a", "type": "aws_iam_user_policy", "name": "a", "config": {"user": {"$unknown": "aws_iam_user.dev.name"}, "policy": doc("iam:CreateAccessKey")}, "references": [ref(["user"], "aws_iam_user.dev")]}
	by_name := {"address": "aws_iam_user_policy.b", "type": "aws_iam_user_policy", "name": "b", "config": {"user": "dev", "policy": doc("ec2:*")}, "references": []}
	other := {"address": "aws_iam_user_policy.c", "type": "aws_iam_user_policy", "name": "c", "config": {"user": "someone", "policy": doc("*")}, "references": []}
	holders := {st.resource.address | some st in iam_identity.statements_of("aws_iam_user.dev")} with input as {"resources": [user, by_ref, by_name, other]}
	holders == {"aws_iam_user_policy.a", "aws_iam_user_policy.b"}
}

test_role_inline_blocks_and_managed_arns if {
	sts := iam_identity.statements_of("aws_iam_role.app") with input as {"resources": [role, managed]}
	{[st.resource.address, st.path] | some st in sts} == {
		["aws_iam_role.app", ["inline_policy", 0, "policy", "Statement", 0]],
		["aws_iam_policy.managed", ["policy", "Statement", 0]],
	}
}

test_attachments_and_group_membership if {
	attach := {"address": "aws_iam_policy_attachment.a", "type": "aws_iam_policy_attachment", "name": "a", "config": {"groups": ["ops"], "policy_arn": {"$unknown": "aws_iam_policy.managed.arn"}}, "references": [ref(["groups", 0], "aws_iam_group.ops"), {"path": ["policy_arn"], "target": "aws_iam_policy.managed", "attribute": "arn"}]}
	membership := {"address": "aws_iam_user_group_membership.m", "type": "aws_iam_user_group_membership", "name": "m", "config": {"user": "dev", "groups": ["ops"]}, "references": []}
	resources := [user, group, managed, attach, membership]
	count(iam_identity.granting("aws_iam_group.ops", "iam:PassRole")) == 1 with input as {"resources": resources}
	count(iam_identity.granting("aws_iam_user.dev", "iam:PassRole")) == 1 with input as {"resources": resources}
	count(iam_identity.granting("aws_iam_user.dev", "iam:PassRole")) == 0 with input as {"resources": [user, group, managed, attach]}
}

test_not_action_and_deny if {
	not_action := {"address": "aws_iam_group_policy.n", "type": "aws_iam_group_policy", "name": "n", "config": {"group": "ops", "policy": {"Statement": [{"Effect": "Allow", "NotAction": ["s3:*"], "Resource": "*"}]}}, "references": []}
	count(iam_identity.granting("aws_iam_group.ops", "iam:PutGroupPolicy")) == 1 with input as {"resources": [group, not_action]}
	count(iam_identity.granting("aws_iam_group.ops", "s3:GetObject")) == 0 with input as {"resources": [group, not_action]}
	deny := {"address": "aws_iam_group_policy.d", "type": "aws_iam_group_policy", "name": "d", "config": {"group": "ops", "policy": {"Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}}, "references": []}
	count(iam_identity.granting("aws_iam_group.ops", "iam:PutGroupPolicy")) == 0 with input as {"resources": [group, not_action, deny]}
}

test_unknown_documents_grant_nothing if {
	unknown_doc := {"address": "aws_iam_user_policy.u", "type": "aws_iam_user_policy", "name": "u", "config": {"user": "dev", "policy": {"$unknown": "var.doc"}}, "references": []}
	unknown_action := {"address": "aws_iam_user_policy.v", "type": "aws_iam_user_policy", "name": "v", "config": {"user": "dev", "policy": doc({"$unknown": "var.actions"})}, "references": []}
	count(iam_identity.statements_of("aws_iam_user.dev")) == 1 with input as {"resources": [user, unknown_doc, unknown_action]}
	count(iam_identity.granting("aws_iam_user.dev", "iam:CreateAccessKey")) == 0 with input as {"resources": [user, unknown_doc, unknown_action]}
}

test_iam_types_cover_kinds if {
	from_kinds := {t | some identity_type, kind in iam_identity.kinds; some t in [identity_type, kind.inline, kind.attachment, kind.exclusive]}
	iam_identity.iam_types == from_kinds | {"aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_group_membership", "aws_iam_user_group_membership"}
}

role_at(address) := {"address": address, "type": "aws_iam_role", "name": "app", "config": {"name": "app"}, "references": []}

role_policy_to(target) := {"address": "aws_iam_role_policy.p", "type": "aws_iam_role_policy", "name": "p", "config": {"role": {"$unknown": "x"}, "policy": doc("iam:PassRole")}, "references": [{"path": ["role"], "target": target, "attribute": "name"}]}

# References name an instance, every instance (un-keyed or splat), or an un-expanded resource.
test_references_with_instance_keys if {
	pairs := [
		["aws_iam_role.app", "aws_iam_role.app"],
		["aws_iam_role.app[0]", "aws_iam_role.app"],
		["aws_iam_role.app", "aws_iam_role.app[0]"],
		["aws_iam_role.app[\"a\"]", "aws_iam_role.app"],
		["module.m[\"k\"].aws_iam_role.app[0]", "module.m[\"k\"].aws_iam_role.app"],
		["module.m[\"k\"].aws_iam_role.app", "module.m[\"k\"].aws_iam_role.app[1]"],
	]
	every pair in pairs {
		count(iam_identity.statements_of(pair[0])) == 1 with input as {"resources": [role_at(pair[0]), role_policy_to(pair[1])]}
	}
	misses := [
		["aws_iam_role.app[0]", "aws_iam_role.app[1]"],
		["aws_iam_role.app", "aws_iam_role.apple"],
		["aws_iam_role.apple", "aws_iam_role.app"],
		["module.m[\"k\"].aws_iam_role.app", "module.m[\"j\"].aws_iam_role.app"],
		["module.m.aws_iam_role.app", "aws_iam_role.app"],
	]
	every pair in misses {
		count(iam_identity.statements_of(pair[0])) == 0 with input as {"resources": [role_at(pair[0]), role_policy_to(pair[1])]}
	}
}

test_reference_to_every_instance if {
	# Two instances share an address key; an un-keyed reference names both, a keyed one its own.
	resources := [role_at("aws_iam_role.app[0]"), role_at("aws_iam_role.app[1]"), role_policy_to("aws_iam_role.app")]
	count(iam_identity.statements_of("aws_iam_role.app[0]")) == 1 with input as {"resources": resources}
	count(iam_identity.statements_of("aws_iam_role.app[1]")) == 1 with input as {"resources": resources}
	keyed := [role_at("aws_iam_role.app[0]"), role_at("aws_iam_role.app[1]"), role_policy_to("aws_iam_role.app[1]")]
	count(iam_identity.statements_of("aws_iam_role.app[0]")) == 0 with input as {"resources": keyed}
	count(iam_identity.statements_of("aws_iam_role.app[1]")) == 1 with input as {"resources": keyed}
}

attachment_of(arn, references) := {"address": "aws_iam_role_policy_attachment.a", "type": "aws_iam_role_policy_attachment", "name": "a", "config": {"role": "app", "policy_arn": arn}, "references": references}

test_managed_policy_arns_must_reach_a_policy_of_the_unit if {
	arn_ref := [{"path": ["policy_arn"], "target": "aws_iam_policy.managed", "attribute": "arn"}]
	count(iam_identity.statements_of("aws_iam_role.app")) == 1 with input as {"resources": [role_at("aws_iam_role.app"), managed, attachment_of({"$unknown": "aws_iam_policy.managed.arn"}, arn_ref)]}

	# An AWS-managed ARN, an unknown ARN, a reference to a policy not in the unit: no document.
	count(iam_identity.statements_of("aws_iam_role.app")) == 0 with input as {"resources": [role_at("aws_iam_role.app"), managed, attachment_of("arn:aws:iam::aws:policy/AdministratorAccess", [])]}
	count(iam_identity.statements_of("aws_iam_role.app")) == 0 with input as {"resources": [role_at("aws_iam_role.app"), managed, attachment_of({"$unknown": "var.policy_arn"}, [])]}
	count(iam_identity.statements_of("aws_iam_role.app")) == 0 with input as {"resources": [role_at("aws_iam_role.app"), attachment_of({"$unknown": "aws_iam_policy.managed.arn"}, arn_ref)]}

	# A policy whose document is unknown grants nothing.
	unknown_policy := {"address": "aws_iam_policy.managed", "type": "aws_iam_policy", "name": "managed", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}
	count(iam_identity.statements_of("aws_iam_role.app")) == 0 with input as {"resources": [role_at("aws_iam_role.app"), unknown_policy, attachment_of({"$unknown": "aws_iam_policy.managed.arn"}, arn_ref)]}
}

test_policy_attachment_lists if {
	# aws_iam_policy_attachment names users, groups and roles, by reference or by name.
	role_b := {"address": "aws_iam_role.b", "type": "aws_iam_role", "name": "b", "config": {"name": "b"}, "references": []}
	attach := {
		"address": "aws_iam_policy_attachment.all", "type": "aws_iam_policy_attachment", "name": "all", "config": {
			"users": [{"$unknown": "aws_iam_user.dev.name"}],
			"groups": ["ops"],
			"roles": ["nobody", "b"],
			"policy_arn": {"$unknown": "aws_iam_policy.managed.arn"},
		},
		"references": [ref(["users", 0], "aws_iam_user.dev"), {"path": ["policy_arn"], "target": "aws_iam_policy.managed", "attribute": "arn"}],
	}
	resources := [user, group, role_b, role_at("aws_iam_role.app"), managed, attach]
	identities := {d.identity | some d in iam_identity.documents} with input as {"resources": resources}
	identities == {"aws_iam_user.dev", "aws_iam_group.ops", "aws_iam_role.b"}
}

test_both_membership_resources if {
	group_policy := {"address": "aws_iam_group_policy.g", "type": "aws_iam_group_policy", "name": "g", "config": {"group": "ops", "policy": doc("iam:PassRole")}, "references": []}
	by_group := {"address": "aws_iam_group_membership.m", "type": "aws_iam_group_membership", "name": "m", "config": {"group": {"$unknown": "aws_iam_group.ops.name"}, "users": ["dev", "other"]}, "references": [ref(["group"], "aws_iam_group.ops")]}
	by_user := {"address": "aws_iam_user_group_membership.m", "type": "aws_iam_user_group_membership", "name": "m", "config": {"user": {"$unknown": "aws_iam_user.dev.name"}, "groups": [{"$unknown": "aws_iam_group.ops.name"}]}, "references": [ref(["user"], "aws_iam_user.dev"), ref(["groups", 0], "aws_iam_group.ops")]}
	inherited := {"identity": "aws_iam_user.dev", "group": "aws_iam_group.ops", "resource": group_policy, "path": ["policy"], "doc": group_policy.config.policy, "via": "aws_iam_group_policy.g"}

	# A membership of another group, or of an unknown user, gives nothing.
	other_group := object.union(by_group, {"config": {"group": "admins"}, "references": []})
	unknown_user := object.union(by_user, {"config": {"user": {"$unknown": "var.user"}}, "references": [ref(["groups", 0], "aws_iam_group.ops")]})
	cases := [[by_group, {inherited}], [by_user, {inherited}], [other_group, set()], [unknown_user, set()]]
	every case in cases {
		docs := iam_identity.documents with input as membership_input(case[0], group_policy)
		{d | some d in docs; d.identity == "aws_iam_user.dev"} == case[1]
	}
}

membership_input(membership, group_policy) := {"resources": [user, group, group_policy, membership]}

test_attached_arns if {
	role := {"address": "aws_iam_role.r", "type": "aws_iam_role", "name": "r", "config": {"name": "r", "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", {"$unknown": "aws_iam_policy.p.arn"}]}, "references": []}
	att := {"address": "aws_iam_role_policy_attachment.a", "type": "aws_iam_role_policy_attachment", "name": "a", "config": {"role": "r", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}, "references": []}
	iam_identity.attached_arns == {
		{"identity": "aws_iam_role.r", "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
		{"identity": "aws_iam_role.r", "arn": "arn:aws:iam::aws:policy/AdministratorAccess"},
	} with input as {"resources": [role, att]}
}

# Provider v5.7x's exclusive attachments name the identity by *_name and list policy_arns: both
# AWS managed ARNs and policies of the configuration count as attached.
test_exclusive_attachments if {
	role := {"address": "aws_iam_role.r", "type": "aws_iam_role", "name": "r", "config": {"name": "r"}, "references": []}
	policy := {"address": "aws_iam_policy.p", "type": "aws_iam_policy", "name": "p", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}}, "references": []}
	ex := {
		"address": "aws_iam_role_policy_attachments_exclusive.r", "type": "aws_iam_role_policy_attachments_exclusive", "name": "r",
		"config": {"role_name": {"$unknown": "aws_iam_role.r.name"}, "policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", {"$unknown": "aws_iam_policy.p.arn"}]},
		"references": [{"path": ["role_name"], "target": "aws_iam_role.r", "attribute": "name"}, {"path": ["policy_arns", 1], "target": "aws_iam_policy.p", "attribute": "arn"}],
	}
	iam_identity.attached_arns == {{"identity": "aws_iam_role.r", "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}} with input as {"resources": [role, policy, ex]}
	docs := iam_identity.direct_documents with input as {"resources": [role, policy, ex]}
	{[d.identity, d.resource.address] | some d in docs} == {["aws_iam_role.r", "aws_iam_policy.p"]}
}

# ARNs written for any partition, and data "aws_iam_policy" lookups, name an AWS managed policy too
# (round 13: IAMFullAccess attached these ways passed the escalation rules).
test_attached_arns_partition_and_lookup_forms if {
	role := {"address": "aws_iam_role.r", "type": "aws_iam_role", "name": "r", "config": {"name": "r"}, "references": []}
	by_partition := {"address": "aws_iam_role_policy_attachment.p", "type": "aws_iam_role_policy_attachment", "name": "p", "config": {"role": "r", "policy_arn": {"$unknown": `"arn:${data.aws_partition.current.partition}:iam::aws:policy/IAMFullAccess"`}}, "references": []}
	by_lookup := {"address": "aws_iam_role_policy_attachment.l", "type": "aws_iam_role_policy_attachment", "name": "l", "config": {"role": "r", "policy_arn": {"$unknown": "data.aws_iam_policy.ro.arn"}}, "references": [{"path": ["policy_arn"], "target": "data.aws_iam_policy.ro", "attribute": "arn"}]}
	by_unknown := {"address": "aws_iam_role_policy_attachment.u", "type": "aws_iam_role_policy_attachment", "name": "u", "config": {"role": "r", "policy_arn": {"$unknown": "var.policy_arn"}}, "references": []}
	lookup := {"address": "data.aws_iam_policy.ro", "type": "aws_iam_policy", "name": "ro", "config": {"name": "ReadOnlyAccess"}}
	iam_identity.attached_arns == {
		{"identity": "aws_iam_role.r", "arn": "arn:aws:iam::aws:policy/IAMFullAccess"},
		{"identity": "aws_iam_role.r", "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
	} with input as {"resources": [role, by_partition, by_lookup, by_unknown], "data": [lookup]}
}

named_policy := object.union(managed, {"config": {"name": "deploy"}})

by_arn(arn) := {"address": "aws_iam_user_policy_attachment.a", "type": "aws_iam_user_policy_attachment", "name": "a", "config": {"user": "dev", "policy_arn": arn}, "references": []}

test_customer_policy_attached_by_written_arn if {
	# iam-vulnerable's form: the policy of the unit attached by an ARN built from the account id.
	every arn in [
		"arn:aws:iam::111122223333:policy/deploy",
		"arn:aws:iam::111122223333:policy/team/deploy",
		{"$unknown": `"arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/deploy"`},
		{"$unknown": `"arn:${data.aws_partition.current.partition}:iam::${var.account}:policy/deploy"`},
	] {
		count(iam_identity.granting("aws_iam_user.dev", "iam:PassRole")) == 1 with input as {"resources": [user, named_policy, by_arn(arn)]}
	}

	# Another name, a name from a variable, an AWS managed policy of that name: not this policy.
	every arn in [
		"arn:aws:iam::111122223333:policy/other",
		{"$unknown": `"arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/${var.name}"`},
		"arn:aws:iam::aws:policy/deploy",
	] {
		count(iam_identity.granting("aws_iam_user.dev", "iam:PassRole")) == 0 with input as {"resources": [user, named_policy, by_arn(arn)]}
	}
}

test_aws_managed_name if {
	iam_identity.aws_managed_name("arn:aws:iam::aws:policy/AWSLambdaExecute") == "AWSLambdaExecute"
	iam_identity.aws_managed_name("arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess") == "AmazonS3ReadOnlyAccess"
	not iam_identity.aws_managed_name("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
	not iam_identity.aws_managed_name("arn:aws:iam::111122223333:policy/AWSLambdaExecute")
	not iam_identity.aws_managed_name({"$unknown": "var.arn"})
}

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

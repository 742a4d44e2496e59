package palisade.lib.iam_escalation_test

import data.palisade.lib.iam_escalation

role := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "config": {"name": "app"}, "references": []}

inline(name, actions) := {"address": sprintf("aws_iam_role_policy.%s", [name]), "type": "aws_iam_role_policy", "name": name, "config": {"role": "app", "policy": {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}}, "references": []}

test_combination_needs_every_action if {
	[e.actions | some e in iam_escalation.escalations("aws_iam_role.app")] == [] with input as {"resources": [role, inline("a", ["iam:PassRole"])]}
	[e.actions | some e in iam_escalation.escalations("aws_iam_role.app")] == [["iam:PassRole", "ec2:RunInstances"]] with input as {"resources": [role, inline("a", ["iam:PassRole"]), inline("b", "ec2:RunInstances")]}
}

test_wildcards_count if {
	found := iam_escalation.escalations("aws_iam_role.app") with input as {"resources": [role, inline("a", ["iam:*"])]}
	["iam:CreatePolicyVersion"] in [e.actions | some e in found]
	not ["lambda:UpdateFunctionCode"] in [e.actions | some e in found]
	count(iam_escalation.escalations("aws_iam_role.app")) == count(iam_escalation.paths) with input as {"resources": [role, inline("a", "*")]}
}

test_summary_and_holders if {
	found := iam_escalation.escalations("aws_iam_role.app") with input as {"resources": [role, inline("a", ["iam:PassRole", "glue:CreateDevEndpoint"]), inline("b", "iam:AddUserToGroup")]}
	iam_escalation.summary(found) == "iam:AddUserToGroup, iam:PassRole + glue:CreateDevEndpoint"
	iam_escalation.holders(found) == ["aws_iam_role_policy.a", "aws_iam_role_policy.b"]
	[st.actions | some st in iam_escalation.statements(found)] == [["glue:CreateDevEndpoint", "iam:PassRole"], ["iam:AddUserToGroup"]]
	many := iam_escalation.escalations("aws_iam_role.app") with input as {"resources": [role, inline("a", "iam:*")]}
	endswith(iam_escalation.summary(many), " and 8 more")
}

scoped(name, actions, resources) := {"address": sprintf("aws_iam_role_policy.%s", [name]), "type": "aws_iam_role_policy", "name": name, "config": {"role": "app", "policy": {"Statement": [{"Effect": "Allow", "Action": actions, "Resource": resources}]}}, "references": []}

found_paths := [e.actions | some e in iam_escalation.escalations("aws_iam_role.app")]

input_of(docs) := {"resources": array.concat([role], docs)}

test_target_action_needs_more_than_named_resources if {
	# One's own credentials, one named role to pass, one function's code: bounded, no path.
	found_paths == [] with input as input_of([scoped("a", ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "arn:aws:iam::*:user/${aws:username}")])
	found_paths == [] with input as input_of([scoped("a", "iam:PassRole", ["arn:aws:iam::123456789012:role/node"]), inline("b", "ec2:RunInstances")])
	found_paths == [] with input as input_of([scoped("a", "iam:PassRole", {"$unknown": "aws_iam_role.node.arn"}), inline("b", "ec2:RunInstances")])
	found_paths == [] with input as input_of([scoped("a", "lambda:UpdateFunctionCode", "arn:aws:lambda:eu-west-1:123456789012:function:app")])

	# Any user, any role, every function: a path.
	found_paths == [["iam:CreateAccessKey"]] with input as input_of([scoped("a", "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/*")])
	found_paths == [["iam:PassRole", "ec2:RunInstances"]] with input as input_of([scoped("a", "iam:PassRole", ["arn:aws:iam::123456789012:role/node", "arn:aws:iam::123456789012:role/*"]), inline("b", "ec2:RunInstances")])
	found_paths == [["lambda:UpdateFunctionCode"]] with input as input_of([scoped("a", "lambda:UpdateFunctionCode", "*")])

	# The means need no wildcard: RunInstances on one subnet still launches with the passed role.
	found_paths == [["iam:PassRole", "ec2:RunInstances"]] with input as input_of([inline("a", "iam:PassRole"), scoped("b", "ec2:RunInstances", "arn:aws:ec2:*:*:subnet/subnet-1")])
}

test_not_resource_is_broad if {
	doc := {"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy", "NotResource": "arn:aws:iam::123456789012:role/admin"}]}}, "references": []}
	[e.actions | some e in iam_escalation.escalations("aws_iam_role.app")] == [["iam:AttachRolePolicy"]] with input as {"resources": [role, doc]}
}

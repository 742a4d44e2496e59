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

# METADATA
# title: IAM privilege-escalation paths
# description: |
#   The known ways an IAM identity turns a narrow set of permissions into more (Rhino Security
#   Labs' catalogue): rewriting or attaching policies, minting credentials for others, joining
#   groups, rewriting a role's trust, or passing a role to a compute service it can then run
#   code in. escalations(address) lists the paths the identity's own documents fully grant.
package palisade.lib.iam_escalation

import data.palisade.lib.iam_identity

# Each path needs all of its actions.
paths := [
	["iam:CreatePolicyVersion"],
	["iam:SetDefaultPolicyVersion"],
	["iam:CreateAccessKey"],
	["iam:CreateLoginProfile"],
	["iam:UpdateLoginProfile"],
	["iam:AttachUserPolicy"],
	["iam:AttachGroupPolicy"],
	["iam:AttachRolePolicy"],
	["iam:PutUserPolicy"],
	["iam:PutGroupPolicy"],
	["iam:PutRolePolicy"],
	["iam:AddUserToGroup"],
	["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
	["iam:PassRole", "ec2:RunInstances"],
	["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
	["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
	["iam:PassRole", "glue:CreateDevEndpoint"],
	["iam:PassRole", "cloudformation:CreateStack"],
	["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
	["lambda:UpdateFunctionCode"],
	["glue:UpdateDevEndpoint"],
]

# escalations(address): [{"actions": [...], "grants": {action: {statements}}}] in catalogue order.
escalations(address) := [{"actions": path, "grants": grants} |
	some path in paths
	grants := {action: sts |
		some action in path
		sts := iam_identity.granting(address, action)
		count(sts) > 0
	}
	count(grants) == count(path)
]

# summary(found): "iam:PassRole + ec2:RunInstances, iam:CreateAccessKey" (at most 4 paths named).
summary(found) := text if {
	named := [concat(" + ", e.actions) | some i, e in found; i < 4]
	extra := count(found) - count(named)
	text := concat("", [concat(", ", named), more(extra)])
}

more(0) := ""

more(n) := sprintf(" and %d more", [n]) if n > 0

# holders(found): the addresses of the resources holding the granting statements.
holders(found) := sort({st.resource.address |
	some e in found
	some sts in e.grants
	some st in sts
})

# statements(found): each granting statement once with the escalation actions it grants,
# ordered by holder address and path.
statements(found) := [{"resource": entry[2], "path": entry[1], "actions": entry[3]} | some entry in sort(granting_entries(found))]

granting_entries(found) := {[st.resource.address, st.path, st.resource, actions] |
	some e in found
	some sts in e.grants
	some st in sts
	actions := sort({action |
		some e2 in found
		some action, granted in e2.grants
		st in granted
	})
}

# METADATA
# title: IAM privilege-escalation paths
# description: |
#   The known ways an IAM identity turns a narrow set of permissions into more (Rhino Security
#   Labs' catalogue): rewriting or attaching policies, minting credentials for others, joining
#   groups, rewriting a role's trust, or passing a role to a compute service it can then run
#   code in. escalations(address) lists the paths the identity's own documents fully grant.
package palisade.lib.iam_escalation

import data.palisade.lib.iam
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
		some i, action in path
		sts := granting_on_path(address, action, i)
		count(sts) > 0
	}
	count(grants) == count(path)
]

# The first action of a path picks the target: whose policies, credentials or trust it rewrites,
# which role it passes, whose code it replaces. It opens a path only when granted over more than
# named resources (a wildcard in the resource part, "*", or NotResource): creating one's own
# access key (`user/${aws:username}`) or passing one named role bounds what can be gained. The
# other actions of a path (ec2:RunInstances, lambda:CreateFunction…) only add the means.
granting_on_path(address, action, 0) := {st |
	some st in iam_identity.granting(address, action)
	broad(st.statement)
}

granting_on_path(address, action, i) := iam_identity.granting(address, action) if i > 0

broad(s) if "NotResource" in object.keys(s)

broad(s) if {
	some r in iam.resources(s)
	is_string(r)
	broad_resource(r)
}

broad_resource("*")

# In an ARN only the resource part (after the fifth colon) names what is reached; a wildcard
# account or region (`arn:aws:iam::*:role/deploy`) still names one role.
broad_resource(r) if {
	parts := split(r, ":")
	count(parts) >= 6
	contains(concat(":", array.slice(parts, 5, count(parts))), "*")
}

broad_resource(r) if {
	not startswith(r, "arn:")
	r != "*"
	contains(r, "*")
}

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

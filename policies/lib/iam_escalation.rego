# METADATA
# title: IAM privilege-escalation paths
# description: |
#   The known ways an IAM identity turns a narrow set of permissions into more (Rhino Security
#   Labs' catalogue): rewriting or attaching policies, minting credentials for others, joining
#   groups, rewriting a role's trust, passing a role to a compute service it can then run
#   code in (EC2, Lambda, Glue, CloudFormation, CodeBuild, SageMaker, ECS…), or running code on
#   compute that already holds a role (a Lambda function, a Glue endpoint, a CloudFormation
#   stack's service role, a SageMaker notebook, an instance through SSM or EC2 Instance Connect).
#   escalations(address) lists the paths the identity's own documents fully grant.
package palisade.lib.iam_escalation

import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.unknown

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
	# A CodeBuild project or a SageMaker notebook, training or processing job runs as the role
	# passed to it; the notebook is entered through a presigned URL.
	["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
	["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuildBatch"],
	["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"],
	["iam:PassRole", "sagemaker:CreateTrainingJob"],
	["iam:PassRole", "sagemaker:CreateProcessingJob"],
	# Code run where a role already is: an update keeps the stack's service role; a presigned URL
	# opens an existing notebook as its execution role; SSM commands and sessions and an Instance
	# Connect key reach an instance and its instance profile's credentials.
	["cloudformation:UpdateStack"],
	["sagemaker:CreatePresignedNotebookInstanceUrl"],
	["ssm:SendCommand"],
	["ssm:StartSession"],
	["ec2-instance-connect:SendSSHPublicKey"],
	# A Glue job and an ECS task run as the role passed to them (the job's role, the task
	# definition's task role); starting, scheduling or serving them runs the code.
	["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"],
	["iam:PassRole", "glue:CreateJob", "glue:CreateTrigger"],
	["iam:PassRole", "glue:UpdateJob", "glue:StartJobRun"],
	["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
	["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:StartTask"],
	["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:CreateService"],
	["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:UpdateService"],
]

# escalations(address): [{"actions": [...], "grants": {action: {statements}}}] in catalogue order.
# An identity none of whose statements allows a catalogue action has none; for the others a path
# whose first action is not granted at all is dismissed by one lookup.
escalations(address) := [] if not address in granting_identities

else := [{"actions": path, "grants": grants} |
	available := granted(address)
	some path in paths
	available[path[0]]
	grants := {action: sts |
		some i, action in path
		sts := on_path(available[action], i, action)
		count(sts) > 0
	}
	count(grants) == count(path)
]

# The first action of a path picks the target: whose policies, credentials or trust it rewrites,
# which role it passes, whose code it replaces. It opens a path only when granted over more than
# named resources (a wildcard in the resource part, "*", or NotResource): creating one's own
# access key (`user/${aws:username}`) or passing one named role bounds what can be gained —
# except for attaching or writing a policy (opens, below). The other actions of a path (ec2:RunInstances, lambda:CreateFunction…) only add the means.
on_path(sts, 0, action) := {st | some st in sts; opens(st.statement, action)}

on_path(sts, i, _) := sts if i > 0

opens(s, _) if broad(s)

# Attaching or writing a policy grants whatever that policy says: naming the user, role or group
# bounds who gains, not what. Only an iam:PolicyARN condition bounds what an attachment can add.
opens(s, action) if {
	policy_granting[action]
	not policy_arn_bounded(s, action)
}

policy_granting := {
	"iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
	"iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy",
}

policy_arn_bounded(s, action) if {
	startswith(action, "iam:Attach")
	some c in iam.conditions(s)
	c.key == "iam:policyarn"
}

# granted(address): {action: statements} for each catalogue action the identity's statements
# allow (iam_identity.granting, for the catalogue only), none where an unconditional Deny on all
# resources among them takes the action away. Each statement is read once, not once per action.
granted(address) := {action: sts |
	held := iam_identity.statements_of(address)
	denied := {a | some st in held; some a in denied_actions(st.statement)}
	some allowing in held
	some action in allowed_actions(allowing.statement)
	not action in denied
	within_boundary(address, action)
	sts := {st | some st in held; action in allowed_actions(st.statement)}
}

# A permissions boundary caps what an identity's own policies grant: AWS allows a request only
# when both allow it. When the role's or user's permissions_boundary names a managed policy of the
# unit whose document is known (every statement and action readable), a catalogue action the
# boundary does not allow is not granted (the GitHub-runners deploy role, held-out H3: its
# boundary leaves lambda:* and ssm:* but no iam:CreateAccessKey). Conservative: the boundary's
# resources and conditions are not read (a scoped or conditional Allow still counts), so an
# escalation is never dropped for them; an unknown or outside boundary caps nothing.
within_boundary(address, _) if not boundary_caps[address]

within_boundary(address, action) if action in boundary_caps[address]

boundary_caps[identity] := actions if {
	some [identity, target] in iam.boundary_refs
	not ambiguous_boundary(identity)
	doc := managed_policies[target].config.policy
	readable(doc)
	sts := iam.statements(doc)
	denied := {a | some e in sts; some a in denied_actions(e.statement)}
	actions := {a | some e in sts; some a in allowed_actions(e.statement); not a in denied}
}

ambiguous_boundary(identity) if {
	some a in iam.boundary_refs
	a[0] == identity
	some b in iam.boundary_refs
	b[0] == identity
	a[1] != b[1]
}

managed_policies[p.address] := p if {
	some p in input.resources
	p.type == "aws_iam_policy"
}

# readable(doc): every statement is known and names its actions as known strings, so the set of
# actions it allows is the whole of what it allows.
readable(doc) if {
	is_object(doc)
	docs := [s | some s in iam.as_list(doc.Statement)]
	count(docs) > 0
	every s in docs {
		is_object(s)
		known_strings(object.get(s, "Action", object.get(s, "NotAction", null)))
	}
	count(iam.statements(doc)) == count(docs)
}

readable(doc) if {
	is_object(doc)
	is_object(doc.Statement)
	known_strings(object.get(doc.Statement, "Action", object.get(doc.Statement, "NotAction", null)))
	count(iam.statements(doc)) == 1
}

known_strings(v) if is_string(v)

known_strings(v) if {
	is_array(v)
	every x in v {
		is_string(x)
	}
}

# granting_identities: the identities with at least one statement that allows a catalogue action,
# found in one pass over the unit's documents (most identities have none: one lookup each).
granting_identities contains d.identity if {
	some d in iam_identity.documents
	some entry in iam.statements(d.doc)
	count(allowed_actions(entry.statement)) > 0
}

# catalogue: each action of the paths, lower-cased → as written; catalogue_services: service →
# its lower-cased actions. Literals, not derived from paths: a complete rule is evaluated again
# for every unit, and deriving these cost more than the rest of a small unit's escalation check
# (iam_escalation_test checks they match paths).
catalogue := {
	"iam:createpolicyversion": "iam:CreatePolicyVersion",
	"iam:setdefaultpolicyversion": "iam:SetDefaultPolicyVersion",
	"iam:createaccesskey": "iam:CreateAccessKey",
	"iam:createloginprofile": "iam:CreateLoginProfile",
	"iam:updateloginprofile": "iam:UpdateLoginProfile",
	"iam:attachuserpolicy": "iam:AttachUserPolicy",
	"iam:attachgrouppolicy": "iam:AttachGroupPolicy",
	"iam:attachrolepolicy": "iam:AttachRolePolicy",
	"iam:putuserpolicy": "iam:PutUserPolicy",
	"iam:putgrouppolicy": "iam:PutGroupPolicy",
	"iam:putrolepolicy": "iam:PutRolePolicy",
	"iam:addusertogroup": "iam:AddUserToGroup",
	"iam:updateassumerolepolicy": "iam:UpdateAssumeRolePolicy",
	"sts:assumerole": "sts:AssumeRole",
	"iam:passrole": "iam:PassRole",
	"ec2:runinstances": "ec2:RunInstances",
	"lambda:createfunction": "lambda:CreateFunction",
	"lambda:invokefunction": "lambda:InvokeFunction",
	"lambda:createeventsourcemapping": "lambda:CreateEventSourceMapping",
	"glue:createdevendpoint": "glue:CreateDevEndpoint",
	"cloudformation:createstack": "cloudformation:CreateStack",
	"datapipeline:createpipeline": "datapipeline:CreatePipeline",
	"datapipeline:putpipelinedefinition": "datapipeline:PutPipelineDefinition",
	"lambda:updatefunctioncode": "lambda:UpdateFunctionCode",
	"glue:updatedevendpoint": "glue:UpdateDevEndpoint",
	"codebuild:createproject": "codebuild:CreateProject",
	"codebuild:startbuild": "codebuild:StartBuild",
	"codebuild:startbuildbatch": "codebuild:StartBuildBatch",
	"sagemaker:createnotebookinstance": "sagemaker:CreateNotebookInstance",
	"sagemaker:createpresignednotebookinstanceurl": "sagemaker:CreatePresignedNotebookInstanceUrl",
	"sagemaker:createtrainingjob": "sagemaker:CreateTrainingJob",
	"sagemaker:createprocessingjob": "sagemaker:CreateProcessingJob",
	"cloudformation:updatestack": "cloudformation:UpdateStack",
	"ssm:sendcommand": "ssm:SendCommand",
	"ssm:startsession": "ssm:StartSession",
	"ec2-instance-connect:sendsshpublickey": "ec2-instance-connect:SendSSHPublicKey",
	"glue:createjob": "glue:CreateJob",
	"glue:startjobrun": "glue:StartJobRun",
	"glue:createtrigger": "glue:CreateTrigger",
	"glue:updatejob": "glue:UpdateJob",
	"ecs:registertaskdefinition": "ecs:RegisterTaskDefinition",
	"ecs:runtask": "ecs:RunTask",
	"ecs:starttask": "ecs:StartTask",
	"ecs:createservice": "ecs:CreateService",
	"ecs:updateservice": "ecs:UpdateService",
}

catalogue_services := {
	"iam": {
		"iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:createaccesskey", "iam:createloginprofile",
		"iam:updateloginprofile", "iam:attachuserpolicy", "iam:attachgrouppolicy", "iam:attachrolepolicy",
		"iam:putuserpolicy", "iam:putgrouppolicy", "iam:putrolepolicy", "iam:addusertogroup",
		"iam:updateassumerolepolicy", "iam:passrole",
	},
	"sts": {"sts:assumerole"},
	"ec2": {"ec2:runinstances"},
	"lambda": {"lambda:createfunction", "lambda:invokefunction", "lambda:createeventsourcemapping", "lambda:updatefunctioncode"},
	"glue": {
		"glue:createdevendpoint", "glue:updatedevendpoint", "glue:createjob", "glue:startjobrun",
		"glue:createtrigger", "glue:updatejob",
	},
	"ecs": {"ecs:registertaskdefinition", "ecs:runtask", "ecs:starttask", "ecs:createservice", "ecs:updateservice"},
	"cloudformation": {"cloudformation:createstack", "cloudformation:updatestack"},
	"datapipeline": {"datapipeline:createpipeline", "datapipeline:putpipelinedefinition"},
	"codebuild": {"codebuild:createproject", "codebuild:startbuild", "codebuild:startbuildbatch"},
	"sagemaker": {
		"sagemaker:createnotebookinstance", "sagemaker:createpresignednotebookinstanceurl",
		"sagemaker:createtrainingjob", "sagemaker:createprocessingjob",
	},
	"ssm": {"ssm:sendcommand", "ssm:startsession"},
	"ec2-instance-connect": {"ec2-instance-connect:sendsshpublickey"},
}

# allowed_actions(s): the catalogue actions an Allow statement grants through Action or, when
# every NotAction entry is known, through NotAction (iam_identity.allows). An Allow whose date
# condition has passed (iam.expired) grants nothing.
allowed_actions(s) := set() if not iam.is_allow(s)

else := set() if iam.expired(s)

else := action_matches(s) | not_action_matches(s)

action_matches(s) := {action |
	some pattern in iam.actions(s)
	is_string(pattern)
	some action in matching(lower(pattern))
}

not_action_matches(s) := {action | some _, action in catalogue} - excluded if {
	patterns := iam.not_actions(s)
	count(patterns) > 0
	every pattern in patterns {
		is_string(pattern)
	}
	excluded := {action | some pattern in patterns; some action in matching(lower(pattern))}
} else := set()

# denied_actions(s): the catalogue actions an unconditional Deny on every resource takes away
# (iam_identity.denies_everywhere).
denied_actions(s) := {action |
	iam.is_deny(s)
	not iam.has_condition(s)
	"*" in iam.resources(s)
	some pattern in iam.actions(s)
	is_string(pattern)
	some action in matching(lower(pattern))
}

# matching(pattern): the catalogue actions (as written) a lower-cased action pattern matches, as
# glob.match(pattern, [], action) decides. A pattern without glob syntax matches only itself; one
# whose service part is literal can only match that service's actions.
matching(pattern) := {action} if {
	action := object.get(catalogue, pattern, null)
	action != null
}

else := set() if not glob_syntax(pattern)

else := {catalogue[a] | some a in candidates(pattern); glob.match(pattern, [], a)}

candidates(pattern) := object.get(catalogue_services, service, set()) if {
	service := split(pattern, ":")[0]
	not glob_syntax(service)
} else := object.keys(catalogue)

# glob_syntax(text): text holds one of glob.match's special characters (\ * ? [ {). String tests:
# asked for every action pattern of every statement.
glob_syntax(text) if contains(text, "*")

glob_syntax(text) if contains(text, "?")

glob_syntax(text) if contains(text, "[")

glob_syntax(text) if contains(text, "{")

glob_syntax(text) if contains(text, "\\")

broad(s) if "NotResource" in object.keys(s)

broad(s) if {
	some r in iam.resources(s)
	is_string(r)
	broad_resource(r)
}

# An ARN written with an unknown partition or account (`"arn:aws:iam::${data.aws_caller_identity.
# current.account_id}:user/*"`, the usual form) is judged by its literal parts: each interpolation
# stands for one unknown word, so a wildcard written in the resource part is still a wildcard.
broad(s) if {
	some r in iam.resources(s)
	unknown.is_unknown(r)
	text := trim(r["$unknown"], `"`)
	startswith(text, "arn:")

	# `$${aws:username}` is an escaped policy variable, written as `${aws:username}` in the policy.
	escaped := strings.replace_n({"$${": "\u0000"}, text)
	literal := strings.replace_n({"\u0000": "${"}, regex.replace(escaped, `\$\{[^}]*\}`, "_"))
	broad_resource(literal)
}

broad_resource("*")

# In an ARN only the resource part (after the fifth colon) names what is reached; a wildcard
# account or region (`arn:aws:iam::*:role/deploy`) still names one role. The account "aws" owns
# the AWS managed policies (`arn:aws:iam::aws:policy/…`), which no customer can version, attach
# new statements to or otherwise rewrite: no target.
broad_resource(r) if {
	parts := split(r, ":")
	count(parts) >= 6
	parts[4] != "aws"
	resource := concat(":", array.slice(parts, 5, count(parts)))
	contains(resource, "*")
	not requester_only(resource)
}

broad_resource(r) if {
	not startswith(r, "arn:")
	r != "*"
	contains(r, "*")
}

# `user/*/${aws:username}`: a user's name is unique in the account whatever its path, so the
# policy variable names the requester alone (AWS's "manage your own credentials" policies).
requester_only(resource) if endswith(resource, "/${aws:username}")

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

# managed_escalations(address): the AWS managed policies attached to the identity by a known ARN
# (iam_identity.attached_arns; for a user, also those of its groups: holds(user, group)) that open every path by
# themselves. Their documents are not in the configuration, so escalations() cannot see them:
# IAMFullAccess allows "iam:*" on "*" (Checkov's IAMManagedIAMFullAccessPolicy case: a role given
# it through managed_policy_arns passed IAM-015). AdministratorAccess is IAM-007's.
managed_escalations(address) := {arn |
	some [identity, arn] in escalating_attachments
	holds(address, identity)
}

# escalating_attachments: [identity, arn] for each such attachment, found once per evaluation (most
# configurations have none, so the per-identity lookups above cost nothing).
escalating_attachments contains [a.identity, a.arn] if {
	some a in iam_identity.attached_arns
	escalating_managed(a.arn)
}

holds(address, identity) if address == identity

holds(address, identity) if [address, identity] in iam_identity.memberships

escalating_managed(arn) if {
	startswith(arn, "arn:")
	endswith(arn, ":iam::aws:policy/IAMFullAccess")
}

# managed_only(address): the names of those policies, when they are the identity's only escalation
# (a rule reports the identity once: through its documents' paths if it has any).
managed_only(address) := names if {
	arns := managed_escalations(address)
	count(arns) > 0
	count(escalations(address)) == 0
	names := concat(", ", sort({regex.replace(arn, `^.*:policy/`, "") | some arn in arns}))
}

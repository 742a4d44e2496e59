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

# ARNs written with an unknown partition or account: the literal resource part decides (CloudGoat
# iam_privesc_by_key_rotation: CreateAccessKey on `user/*` of `${data.aws_caller_identity...}`).
test_unknown_account_arn_is_judged_by_its_resource_part if {
	any_user := {"$unknown": "\"arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/*\""}
	found_paths == [["iam:CreateAccessKey"]] with input as input_of([scoped("a", "iam:CreateAccessKey", [any_user])])
	any_partition := {"$unknown": "arn:${data.aws_partition.current.partition}:iam::${local.account}:user/*"}
	found_paths == [["iam:CreateAccessKey"]] with input as input_of([scoped("a", "iam:CreateAccessKey", [any_partition])])

	# One named user, an interpolated name, a non-ARN reference: no wildcard written, no path.
	one := {"$unknown": "\"arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/deploy\""}
	found_paths == [] with input as input_of([scoped("a", "iam:CreateAccessKey", [one])])
	named := {"$unknown": "\"arn:aws:iam::${local.account}:user/${var.name}\""}
	found_paths == [] with input as input_of([scoped("a", "iam:CreateAccessKey", [named])])
	found_paths == [] with input as input_of([scoped("a", "iam:CreateAccessKey", [{"$unknown": "\"${aws_iam_user.u.arn}*\""}])])
}

# terraform-aws-iam's iam-group self-management: `user/*/${aws:username}` (escaped `$${…}` in the
# template) names the requester whatever its path, so minting one's own keys is no path.
test_own_user_under_any_path_is_bounded if {
	found_paths == [] with input as input_of([scoped("a", "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/*/${aws:username}")])
	own := {"$unknown": "\"arn:${local.partition}:iam::${local.users_account_id}:user/*/$${aws:username}\""}
	found_paths == [] with input as input_of([scoped("a", "iam:CreateAccessKey", [own])])
	found_paths == [["iam:CreateAccessKey"]] with input as input_of([scoped("a", "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/*/${aws:username}-admin")])
}

# CloudGoat vulnerable_lambda: a role that may attach policies to one named user can give that
# user AdministratorAccess; naming the target bounds who gains, not what.
test_policy_grant_on_a_named_target_is_a_path if {
	user := "arn:aws:iam::123456789012:user/bilbo"
	found_paths == [["iam:AttachUserPolicy"]] with input as input_of([scoped("a", "iam:AttachUserPolicy", user)])
	found_paths == [["iam:PutRolePolicy"]] with input as input_of([scoped("a", "iam:PutRolePolicy", {"$unknown": "aws_iam_role.app.arn"})])

	# An iam:PolicyARN condition bounds what may be attached.
	bounded := {
		"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"Statement": [{
			"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": user,
			"Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}},
		}]}},
		"references": [],
	}
	found_paths == [] with input as input_of([bounded])
}

# CloudGoat glue_privesc and ecs_efs_attack: a passed role runs as a Glue job or an ECS task.
test_glue_job_and_ecs_task_paths if {
	found_paths == [["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"]] with input as input_of([inline("a", ["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"])])
	found_paths == [["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"], ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:UpdateService"]] with input as input_of([inline("a", ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask", "ecs:UpdateService"])])

	# Without a way to run it, registering a task definition is not a path.
	found_paths == [] with input as input_of([inline("a", ["iam:PassRole", "ecs:RegisterTaskDefinition"])])
}

test_not_resource_is_broad if {
	doc := {"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy", "NotResource": "arn:aws:iam::123456789012:role/admin"}]}}, "references": []}
	[e.actions | some e in iam_escalation.escalations("aws_iam_role.app")] == [["iam:AttachRolePolicy"]] with input as {"resources": [role, doc]}
}

test_catalogue_literals_match_paths if {
	iam_escalation.catalogue == {lower(action): action | some path in iam_escalation.paths; some action in path}
	iam_escalation.catalogue_services == {service: {a | some a, _ in iam_escalation.catalogue; startswith(a, concat("", [service, ":"]))} |
		some a, _ in iam_escalation.catalogue
		service := split(a, ":")[0]
	}
}

# Action patterns are matched as glob.match(lower(pattern), [], lower(action)) would: case-folded,
# `*` and `?` wildcards, classes and alternatives, a literal service part limiting the candidates.
test_action_patterns if {
	found_paths == [["iam:PassRole", "ec2:RunInstances"]] with input as input_of([inline("a", ["IAM:PASSROLE", "Ec2:RunInstances"])])
	found_paths == [["iam:PassRole", "ec2:RunInstances"]] with input as input_of([inline("a", ["iam:?assRole", "ec2:Run*"])])
	found_paths == [["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]] with input as input_of([inline("a", ["{iam,sts}:*Assume*"])])
	found_paths == [["iam:AttachUserPolicy"], ["iam:AttachGroupPolicy"], ["iam:AttachRolePolicy"], ["iam:AddUserToGroup"]] with input as input_of([inline("a", "iam:[a]*")])
	found_paths == [["lambda:UpdateFunctionCode"]] with input as input_of([inline("a", "*Code")])
	count(found_paths) == count(iam_escalation.paths) with input as input_of([inline("a", "*:*")])

	# Not a pattern of any catalogue action: no path.
	found_paths == [] with input as input_of([inline("a", ["iam", "iam:", "iam:PassRol", "s3:*", "iam:Get*", "iam\\:PassRole", ""])])
}

test_not_action if {
	# Everything but iam: the paths made of other services' actions remain.
	not_iam := scoped_not_action("a", ["iam:*"], "*")
	found_paths == [
		["lambda:UpdateFunctionCode"], ["glue:UpdateDevEndpoint"], ["cloudformation:UpdateStack"],
		["sagemaker:CreatePresignedNotebookInstanceUrl"], ["ssm:SendCommand"], ["ssm:StartSession"],
		["ec2-instance-connect:SendSSHPublicKey"],
	] with input as input_of([not_iam])

	# Everything but the listed, with an unknown entry: nothing is known to be granted.
	found_paths == [] with input as input_of([scoped_not_action("a", ["s3:*", {"$unknown": "var.action"}], "*")])

	# NotAction is only read on Allow statements.
	found_paths == [] with input as input_of([object.union(scoped_not_action("a", ["s3:*"], "*"), {"config": {"policy": {"Statement": [{"Effect": "Deny", "NotAction": ["s3:*"], "Resource": "*"}]}}})])
}

scoped_not_action(name, not_actions, resources) := {"address": sprintf("aws_iam_role_policy.%s", [name]), "type": "aws_iam_role_policy", "name": name, "config": {"role": "app", "policy": {"Statement": [{"Effect": "Allow", "NotAction": not_actions, "Resource": resources}]}}, "references": []}

deny_statement(actions, resources, condition) := object.union({"Effect": "Deny", "Action": actions, "Resource": resources}, condition)

test_deny_cancels_only_unconditionally_everywhere if {
	cases := [
		[deny_statement("iam:Pass*", "*", {}), []],
		[deny_statement(["s3:*", "IAM:PASSROLE"], ["arn:aws:s3:::b", "*"], {}), []],
		[deny_statement("iam:PassRole", "arn:aws:iam::123456789012:role/admin", {}), [["iam:PassRole", "ec2:RunInstances"]]],
		[deny_statement("iam:PassRole", "*", {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}), [["iam:PassRole", "ec2:RunInstances"]]],
		[deny_statement({"$unknown": "var.actions"}, "*", {}), [["iam:PassRole", "ec2:RunInstances"]]],
		[deny_statement("ec2:RunInstances", "*", {}), []],
	]
	every case in cases {
		found_paths == case[1] with input as input_of([inline("a", ["iam:PassRole", "ec2:RunInstances"]), scoped_statements("d", [case[0]])])
	}

	# A Deny cancels the action, not the statement: the statement's other actions still count.
	found_paths == [["iam:AddUserToGroup"]] with input as input_of([
		inline("a", ["iam:PassRole", "ec2:RunInstances", "iam:AddUserToGroup"]),
		scoped_statements("d", [deny_statement("ec2:*", "*", {})]),
	])
}

scoped_statements(name, statements) := {"address": sprintf("aws_iam_role_policy.%s", [name]), "type": "aws_iam_role_policy", "name": name, "config": {"role": "app", "policy": {"Statement": statements}}, "references": []}

test_allow_conditions_still_grant if {
	conditional := {"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}
	found_paths == [["iam:CreateAccessKey"]] with input as input_of([scoped_statements("a", [conditional])])
}

test_statement_forms if {
	# Statement as one object, as a list with unknown and non-object entries, and an unknown document.
	one := {"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"Statement": {"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "*"}}}, "references": []}
	found_paths == [["iam:PutRolePolicy"]] with input as input_of([one])
	mixed := scoped_statements("a", [{"$unknown": "var.statement"}, "iam:*", {"Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "*"}])
	found_paths == [["iam:PutRolePolicy"]] with input as input_of([mixed])
	unknown_doc := {"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"$unknown": "data.aws_iam_policy_document.a.json"}}, "references": []}
	found_paths == [] with input as input_of([unknown_doc])
}

test_grants_are_the_identitys_own if {
	# Another role's grants and denies do not count.
	other := {"address": "aws_iam_role.other", "type": "aws_iam_role", "name": "other", "config": {"name": "other"}, "references": []}
	others_policy := {"address": "aws_iam_role_policy.o", "type": "aws_iam_role_policy", "name": "o", "config": {"role": "other", "policy": {"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}}, "references": []}
	found_paths == [] with input as {"resources": [role, other, others_policy]}
	others_deny := {"address": "aws_iam_role_policy.d", "type": "aws_iam_role_policy", "name": "d", "config": {"role": "other", "policy": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}, "references": []}
	found_paths == [["iam:CreateAccessKey"]] with input as {"resources": [role, other, others_deny, inline("a", "iam:CreateAccessKey")]}
}

test_grants_name_the_granting_statements if {
	# Two statements grant the same action; each is named once, with every escalation action it grants.
	found := iam_escalation.escalations("aws_iam_role.app") with input as input_of([inline("a", ["iam:PassRole", "ec2:RunInstances"]), inline("b", "iam:Pass*")])
	[e.actions | some e in found] == [["iam:PassRole", "ec2:RunInstances"]]
	[[st.resource.address, st.actions] | some st in iam_escalation.statements(found)] == [
		["aws_iam_role_policy.a", ["ec2:RunInstances", "iam:PassRole"]],
		["aws_iam_role_policy.b", ["iam:PassRole"]],
	]
}

# Every character glob.match treats specially marks a pattern; plain action names do not.
test_glob_syntax_characters if {
	every text in ["s3:Get*", "s3:Get?bject", "s3:[GP]utObject", "s3:{Get,Put}Object", `s3:Get\*`] {
		iam_escalation.glob_syntax(text)
	}
	not iam_escalation.glob_syntax("s3:GetObject")
}

test_role_passed_to_codebuild_or_sagemaker if {
	found_paths == [["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"]] with input as input_of([inline("a", ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"])])
	found_paths == [["iam:PassRole", "sagemaker:CreateTrainingJob"]] with input as input_of([inline("a", ["iam:PassRole", "sagemaker:CreateTrainingJob"])])
	found_paths == [["iam:PassRole", "sagemaker:CreateProcessingJob"]] with input as input_of([inline("a", ["sagemaker:CreateProcessingJob"]), inline("b", "iam:PassRole")])

	# A project nobody can start, a notebook nobody can open: no path.
	found_paths == [] with input as input_of([inline("a", ["iam:PassRole", "codebuild:CreateProject"])])
	found_paths == [] with input as input_of([inline("a", ["iam:PassRole", "sagemaker:CreateNotebookInstance"])])
}

test_code_run_where_a_role_already_is if {
	found_paths == [["cloudformation:UpdateStack"]] with input as input_of([inline("a", ["cloudformation:UpdateStack", "cloudformation:DescribeStacks"])])
	found_paths == [["sagemaker:CreatePresignedNotebookInstanceUrl"]] with input as input_of([inline("a", "sagemaker:CreatePresignedNotebookInstanceUrl")])
	found_paths == [["ssm:SendCommand"]] with input as input_of([inline("a", ["ssm:sendCommand", "ssm:listCommands"])])
	found_paths == [["ssm:StartSession"]] with input as input_of([scoped("a", "ssm:StartSession", ["arn:aws:ec2:*:*:instance/*"])])
	found_paths == [["ec2-instance-connect:SendSSHPublicKey"]] with input as input_of([inline("a", "ec2-instance-connect:SendSSHPublicKey")])

	# One named instance, one named stack: bounded.
	found_paths == [] with input as input_of([scoped("a", "ssm:StartSession", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc")])
	found_paths == [] with input as input_of([scoped("a", "cloudformation:UpdateStack", "arn:aws:cloudformation:eu-west-1:123456789012:stack/app/1234")])
}

test_aws_managed_policies_are_no_target if {
	# Only AWS can version its managed policies; a customer's own policies are a target.
	found_paths == [] with input as input_of([scoped("a", "iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/team-*")])
	found_paths == [["iam:CreatePolicyVersion"]] with input as input_of([scoped("a", "iam:CreatePolicyVersion", "arn:aws:iam::*:policy/team-*")])
}

dated(operator, key, date) := {
	"address": "aws_iam_role_policy.a", "type": "aws_iam_role_policy", "name": "a", "config": {"role": "app", "policy": {"Statement": [{
		"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*",
		"Condition": {operator: {key: [date]}},
	}]}},
	"references": [],
}

test_expired_date_condition_grants_nothing if {
	found_paths == [] with input as input_of([dated("DateLessThan", "aws:TokenIssueTime", "2020-01-01T00:00:01Z")])
	found_paths == [] with input as input_of([dated("DateLessThanEquals", "aws:CurrentTime", "2020-01-01T00:00:01Z")])

	# A date still ahead, a later-than test, IfExists (met when the key is missing) or another key: it may hold.
	found_paths == [["iam:CreatePolicyVersion"]] with input as input_of([dated("DateLessThan", "aws:CurrentTime", "2999-01-01T00:00:00Z")])
	found_paths == [["iam:CreatePolicyVersion"]] with input as input_of([dated("DateGreaterThan", "aws:TokenIssueTime", "2020-01-01T00:00:01Z")])
	found_paths == [["iam:CreatePolicyVersion"]] with input as input_of([dated("DateLessThanIfExists", "aws:TokenIssueTime", "2020-01-01T00:00:01Z")])
	found_paths == [["iam:CreatePolicyVersion"]] with input as input_of([dated("DateLessThan", "aws:EpochTime", "2020-01-01T00:00:01Z")])
}

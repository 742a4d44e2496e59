package palisade.aws.iam.policy_allow_not_action_test

import data.palisade.aws.iam.policy_allow_not_action as rule

policy(statement) := {"address": "aws_iam_policy.broad", "type": "aws_iam_policy", "name": "broad", "config": {"policy": {"Statement": [statement]}}, "references": []}

test_allow_not_action_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.broad allows every action except those listed in NotAction",
		"resource": "aws_iam_policy.broad", "path": ["policy", "Statement", 0, "NotAction"],
	}} with input as {"resources": [policy({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})]}
}

test_deny_not_action_or_action_list_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"})]}
}

# NotAction "*" excludes every action: the Allow grants nothing (a Sonar sonar-iac case, round 11).
test_not_action_star_grants_nothing if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": "*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": ["iam:*", "*"], "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "NotAction": {"$unknown": "var.excluded"}, "Resource": "*"})]}
}

# Round 22: an Allow whose DateLessThan on aws:CurrentTime has passed allows nothing.
test_expired_allow_passes if {
	expired := {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-06-30T00:00:00Z"}}}
	doc := {"address": "aws_iam_policy.old", "type": "aws_iam_policy", "name": "old", "config": {"policy": {"Statement": [expired]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [doc]}
	live := object.union(doc, {"config": {"policy": {"Statement": [object.union(expired, {"Condition": {"DateLessThan": {"aws:CurrentTime": "2999-01-01T00:00:00Z"}}})]}}})
	count(rule.deny) == 1 with input as {"resources": [live]}
}

# The AWS managed PowerUserAccess policy is Allow NotAction [iam:*, organizations:*, account:*] on
# every resource (cfn_nag's elevated managed policy rule names it with AdministratorAccess and
# IAMFullAccess, which IAM-007 and IAM-002 report).
test_power_user_access_attached_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy_attachment.ci attaches the AWS managed PowerUserAccess policy, which allows every action except IAM, Organizations and Account management",
		"resource": "aws_iam_role_policy_attachment.ci", "path": ["policy_arn"],
	}} with input as {"resources": [{"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": "arn:aws:iam::aws:policy/PowerUserAccess"}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_iam_role.ci", "type": "aws_iam_role", "name": "ci", "config": {"managed_policy_arns": ["arn:aws-us-gov:iam::aws:policy/PowerUserAccess"]}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_iam_user_policy_attachment.dev", "type": "aws_iam_user_policy_attachment", "name": "dev", "config": {"user": "dev", "policy_arn": {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess\""}}, "references": []}]}
}

test_other_managed_policies_pass if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": "arn:aws:iam::111122223333:policy/PowerUserAccess"}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": {"$unknown": "var.policy_arn"}}, "references": []}]}
}

iam_call(sub, config) := {"address": "module.role", "source": sprintf("terraform-aws-modules/iam/aws//modules/%s", [sub]), "version": "~> 5.24", "config": config}

# The opaque iam submodules attach what their inputs list (terraform-aws-iam's iam-role example gives
# its "poweruser" role PowerUserAccess that way).
test_power_user_access_through_opaque_iam_module_fires if {
	call := iam_call("iam-role", {"name": "poweruser", "policies": {"PowerUserAccess": "arn:aws:iam::aws:policy/PowerUserAccess"}})
	rule.deny == {{
		"msg": "module.role attaches the AWS managed PowerUserAccess policy to the role it creates, which allows every action except IAM, Organizations and Account management",
		"resource": "module.role", "path": ["policies", "PowerUserAccess"],
	}} with input as {"resources": [], "modules": [call]}
	group := iam_call("iam-group-with-policies", {"custom_group_policy_arns": ["arn:aws:iam::aws:policy/PowerUserAccess"]})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [group]}
}

test_power_user_access_module_not_reported if {
	off := iam_call("iam-role", {"create": false, "policies": {"p": "arn:aws:iam::aws:policy/PowerUserAccess"}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
	read := object.union(iam_call("iam-role", {"policies": {"p": "arn:aws:iam::aws:policy/PowerUserAccess"}}), {"dir": ".terraform/modules/role"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [read]}
	other := iam_call("iam-role", {"policies": {"r": "arn:aws:iam::aws:policy/ReadOnlyAccess"}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [other]}
}

package palisade.aws.iam.role_trust_wildcard_action_test

import data.palisade.aws.iam.role_trust_wildcard_action as rule

role(action) := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {"assume_role_policy": {"Statement": [{"Effect": "Allow", "Action": action, "Principal": {"Service": "ec2.amazonaws.com"}}]}}}

test_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.app trust policy allows every action instead of sts:AssumeRole",
		"resource": "aws_iam_role.app", "path": ["assume_role_policy"],
		"related": [{"resource": "aws_iam_role.app", "path": ["assume_role_policy", "Statement", 0, "Action"], "msg": "allows \"*\""}],
	}} with input as {"resources": [role(["*"])]}
	count(rule.deny) == 1 with input as {"resources": [role("*")]}
}

test_assume_role_passes if {
	count(rule.deny) == 0 with input as {"resources": [role("sts:AssumeRole")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [role({"$unknown": "var.action"})]}
}

# In a trust policy only STS actions apply, so "sts:*" in any case allows every action there.
test_sts_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.app trust policy allows every action instead of sts:AssumeRole",
		"resource": "aws_iam_role.app", "path": ["assume_role_policy"],
		"related": [{"resource": "aws_iam_role.app", "path": ["assume_role_policy", "Statement", 0, "Action"], "msg": "allows \"STS:*\""}],
	}} with input as {"resources": [role(["sts:TagSession", "STS:*"])]}
	count(rule.deny) == 1 with input as {"resources": [role("sts:*")]}
}

test_sts_assume_prefix_passes if {
	count(rule.deny) == 0 with input as {"resources": [role("sts:AssumeRole*")]}
}

test_deny_star_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {"assume_role_policy": {"Statement": [{"Effect": "Deny", "Action": "*", "Principal": "*"}]}}}]}
}

# Allow with NotAction grants every STS action but the listed ones (IAM User Guide, NotAction).
test_not_action_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.app trust policy allows every action instead of sts:AssumeRole",
		"resource": "aws_iam_role.app", "path": ["assume_role_policy"],
		"related": [{"resource": "aws_iam_role.app", "path": ["assume_role_policy", "Statement", 0, "NotAction"], "msg": "allows every action but those NotAction lists"}],
	}} with input as {"resources": [{"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {"assume_role_policy": {"Statement": [{"Effect": "Allow", "NotAction": "sts:AssumeRoleWithSAML", "Principal": {"Service": "lambda.amazonaws.com"}}]}}}]}
}

test_deny_not_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {"assume_role_policy": {"Statement": [{"Effect": "Deny", "NotAction": "sts:AssumeRole", "Principal": "*"}]}}}]}
}

# A trust policy is evaluated only for STS actions, so an Allow whose NotAction lists "sts:*" (any
# case) or "*" grants nothing; an unknown NotAction could be either (review of round 37, s22/R3).
test_not_action_excluding_every_sts_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [trust_not_action("sts:*")]}
	count(rule.deny) == 0 with input as {"resources": [trust_not_action(["STS:*"])]}
	count(rule.deny) == 0 with input as {"resources": [trust_not_action("*")]}
	count(rule.deny) == 0 with input as {"resources": [trust_not_action({"$unknown": "var.not_actions"})]}
	count(rule.deny) == 0 with input as {"resources": [trust_not_action(["sts:TagSession", {"$unknown": "var.extra"}])]}
	count(rule.deny) == 1 with input as {"resources": [trust_not_action(["sts:TagSession", "sts:SetSourceIdentity"])]}
}

trust_not_action(not_action) := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "references": [], "config": {"assume_role_policy": {"Statement": [{"Effect": "Allow", "NotAction": not_action, "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}]}}}

package palisade.aws.iam.policy_passrole_wildcard_test

import data.palisade.aws.iam.policy_passrole_wildcard as rule

policy(statement) := {"address": "aws_iam_policy.deploy", "type": "aws_iam_policy", "name": "deploy", "config": {"policy": {"Statement": [statement]}}, "references": []}

test_passrole_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.deploy allows iam:PassRole on every role",
		"resource": "aws_iam_policy.deploy", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": "*"})]}
}

test_wildcard_action_pattern_fires if {
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:Pass*", "Resource": ["*"]})]}
}

test_scoped_or_conditioned_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "app"}}})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
}

# Session 24: iam:PassedToService names the service the role goes to, not the role (IAM User
# Guide, "Grant a user permissions to pass a role"; condition key reference): on "*" any role that
# service may assume can be passed. Another key beside it, or an unknown part, may pick the roles.
test_passed_to_service_alone_does_not_scope if {
	conditioned := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}
	rule.deny == {{
		"msg": "aws_iam_policy.deploy allows iam:PassRole on every role (its iam:PassedToService condition limits the service, not the role)",
		"resource": "aws_iam_policy.deploy", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy(conditioned)]}
	two := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["*"], "Condition": {"StringLike": {"IAM:PassedToService": ["lambda.amazonaws.com", "ecs-tasks.*"]}, "StringEquals": {"iam:passedtoservice": "glue.amazonaws.com"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(two)]}
}

test_passed_to_service_with_another_key_or_unknown_passes if {
	tagged := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com", "aws:ResourceTag/app": "web"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(tagged)]}
	unknown_value := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": {"$unknown": "var.service"}}}}
	count(rule.deny) == 0 with input as {"resources": [policy(unknown_value)]}
	unknown_block := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"$unknown": "var.condition"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(unknown_block)]}
}

# Session 24: an ARN over every role of an account passes any role, as "*" does.
test_arn_over_every_role_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.deploy allows iam:PassRole on arn:aws:iam::111122223333:role/*, every role of the account",
		"resource": "aws_iam_policy.deploy", "path": ["policy", "Statement", 0, "Resource", 1],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/*"]})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": ["iam:Get*", "iam:PassRole"], "Resource": "arn:aws:iam::*:*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:iam::*:role*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:*:*:*:*"})]}

	# The usual templates: an interpolated partition or account is one word; the resource part decides.
	templated := {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/*\""}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": templated})]}
	with_service := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*", "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(with_service)]}
}

test_arn_naming_some_roles_passes if {
	arns := [
		"arn:aws:iam::111122223333:role/service-role/*", "arn:aws:iam::111122223333:role/app-*",
		"arn:aws:iam::111122223333:user/*", "arn:aws:ec2:*:*:*", "arn:aws:iam::111122223333:role/?*",
		{"$unknown": "\"arn:aws:iam::111122223333:role/${var.prefix}*\""}, {"$unknown": "var.role_arns"},
	]
	every arn in arns {
		count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": arn})]}
	}
}

test_arn_over_every_role_with_another_condition_or_beside_star_reports_once if {
	tagged := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "app"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(tagged)]}
	both := {"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/*", "*"]}
	rule.deny == {{
		"msg": "aws_iam_policy.deploy allows iam:PassRole on every role",
		"resource": "aws_iam_policy.deploy", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy(both)]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": {"$unknown": "var.roles"}})]}
}

test_passrole_denied_in_the_same_document_passes if {
	denied := {"address": "aws_iam_policy.deploy", "type": "aws_iam_policy", "name": "deploy", "references": [], "config": {"policy": {"Statement": [
		{"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
	]}}}
	count(rule.deny) == 0 with input as {"resources": [denied]}
}

# Round 31: Allow with NotResource grants every role but those listed (IAM User Guide, NotResource;
# Access Analyzer's "Pass role with NotResource" security warning).
test_passrole_not_resource_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.deploy allows iam:PassRole on every role except those listed in NotResource",
		"resource": "aws_iam_policy.deploy", "path": ["policy", "Statement", 0, "NotResource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"})]}
}

test_passrole_not_resource_with_passed_to_service_fires if {
	conditioned := {"Effect": "Allow", "Action": "iam:PassRole", "NotResource": ["arn:aws:iam::111122223333:role/admin"], "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(conditioned)]}
}

test_passrole_not_resource_deny_or_conditioned_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/app"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": ["arn:aws:iam::111122223333:role/admin"], "Condition": {"StringEquals": {"aws:ResourceTag/team": "app"}}})]}

	# NotResource "*" excludes every resource: the statement allows nothing.
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": {"$unknown": "var.roles"}})]}

	# An element not known at scan time could be "*" (which would exclude everything).
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": ["arn:aws:iam::111122223333:role/admin", {"$unknown": "var.role"}]})]}
}

# iam:PassRole on "*" beside an unconditional Deny of it on every role but named ones passes those
# roles only; a Deny whose NotResource is every role (`role/*` is a wildcard) leaves it open.
passrole_beside(deny) := {
	"address": "aws_iam_policy.deploy", "type": "aws_iam_policy", "name": "deploy", "config": {"policy": {"Statement": [
		{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
		deny,
	]}},
	"references": [],
}

test_passrole_scoped_by_a_not_resource_deny_passes if {
	count(rule.deny) == 0 with input as {"resources": [passrole_beside({"Effect": "Deny", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/app"})]}
	count(rule.deny) == 1 with input as {"resources": [passrole_beside({"Effect": "Deny", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/*"})]}
}

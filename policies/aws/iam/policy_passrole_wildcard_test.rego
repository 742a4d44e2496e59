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
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
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

test_passrole_not_resource_deny_or_conditioned_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/app"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": ["arn:aws:iam::111122223333:role/admin"], "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}})]}

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

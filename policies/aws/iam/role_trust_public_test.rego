package palisade.aws.iam.role_trust_public_test

import data.palisade.aws.iam.role_trust_public as rule

role(statement) := {"address": "aws_iam_role.app", "type": "aws_iam_role", "name": "app", "config": {"assume_role_policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_trust_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.app can be assumed by any AWS principal",
		"resource": "aws_iam_role.app", "path": ["assume_role_policy"],
		"related": [{"resource": "aws_iam_role.app", "path": ["assume_role_policy", "Statement", 0, "Principal"], "msg": "trusts every principal without a condition"}],
	}} with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}})]}
}

test_named_or_conditioned_passes if {
	count(rule.deny) == 0 with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}})]}
	count(rule.deny) == 0 with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_principal_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": {"$unknown": "var.trusted"}}})]}
}

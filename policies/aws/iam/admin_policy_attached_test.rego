package palisade.aws.iam.admin_policy_attached_test

import data.palisade.aws.iam.admin_policy_attached as rule

attachment(arn) := {"address": "aws_iam_role_policy_attachment.ci", "type": "aws_iam_role_policy_attachment", "name": "ci", "config": {"role": "ci", "policy_arn": arn}, "references": []}

test_admin_attachment_fires if {
	rule.deny == {{"msg": "aws_iam_role_policy_attachment.ci attaches the AdministratorAccess managed policy", "resource": "aws_iam_role_policy_attachment.ci", "path": ["policy_arn"]}} with input as {"resources": [attachment("arn:aws:iam::aws:policy/AdministratorAccess")]}
}

test_managed_policy_arns_fires if {
	role := {"address": "aws_iam_role.ci", "type": "aws_iam_role", "name": "ci", "config": {"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"]}, "references": []}
	rule.deny == {{"msg": "aws_iam_role.ci has the AdministratorAccess managed policy", "resource": "aws_iam_role.ci", "path": ["managed_policy_arns", 1]}} with input as {"resources": [role]}
}

test_other_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [attachment({"$unknown": "aws_iam_policy.x.arn"})]}
}

package palisade.aws.sso.permission_set_full_admin_test

import data.palisade.aws.sso.permission_set_full_admin as rule

inline(statement) := {"address": "aws_ssoadmin_permission_set_inline_policy.p", "type": "aws_ssoadmin_permission_set_inline_policy", "name": "p", "references": [], "config": {"inline_policy": {"Statement": [statement]}}}

test_star_star_fires if {
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set_inline_policy.p allows all actions on all resources",
		"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy"],
		"related": [{"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy", "Statement", 0, "Action"], "msg": "allows \"*\" on \"*\""}],
	}} with input as {"resources": [inline({"Effect": "Allow", "Action": ["*"], "Resource": ["*"]})]}
}

test_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b/*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": {"$unknown": "var.actions"}, "Resource": "*"})]}
}

attachment(arn) := {"address": "aws_ssoadmin_managed_policy_attachment.a", "type": "aws_ssoadmin_managed_policy_attachment", "name": "a", "references": [], "config": {
	"managed_policy_arn": arn,
	"permission_set_arn": "arn:aws:sso:::permissionSet/ssoins-1/ps-1",
}}

test_managed_administrator_access_fires if {
	rule.deny == {{
		"msg": "aws_ssoadmin_managed_policy_attachment.a gives the permission set the AWS managed AdministratorAccess policy (all actions on all resources)",
		"resource": "aws_ssoadmin_managed_policy_attachment.a", "path": ["managed_policy_arn"],
	}} with input as {"resources": [attachment("arn:aws:iam::aws:policy/AdministratorAccess")]}
	count(rule.deny) == 0 with input as {"resources": [attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")]}
	count(rule.deny) == 0 with input as {"resources": [attachment({"$unknown": "var.policy_arn"})]}
}

# The ARN written for any partition, or looked up by data "aws_iam_policy" (round 13).
test_managed_administrator_access_other_forms_fire if {
	count(rule.deny) == 1 with input as {"resources": [attachment({"$unknown": `"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"`})]}
	looked_up := object.union(attachment({"$unknown": "data.aws_iam_policy.admin.arn"}), {"references": [{"path": ["managed_policy_arn"], "target": "data.aws_iam_policy.admin", "attribute": "arn"}]})
	admin := {"address": "data.aws_iam_policy.admin", "type": "aws_iam_policy", "name": "admin", "config": {"name": "AdministratorAccess"}}
	count(rule.deny) == 1 with input as {"resources": [looked_up], "data": [admin]}
	count(rule.deny) == 0 with input as {"resources": [looked_up], "data": [object.union(admin, {"config": {"name": "ReadOnlyAccess"}})]}
	count(rule.deny) == 0 with input as {"resources": [attachment({"$unknown": "var.policy_arn"})]}
}

# Review s20/R3: "*" with NotResource is every action on every resource but those listed, which
# PAL-AWS-IAM-001 reports in IAM policies since round 31 and PAL-AWS-IAM-002 (service wildcards) leaves to it; a
# permission set's inline policy is neither's, so it is judged here. NotResource "*" allows nothing.
test_star_not_resource_fires if {
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set_inline_policy.p allows all actions on every resource except those listed in NotResource",
		"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy"],
		"related": [{"resource": "aws_ssoadmin_permission_set_inline_policy.p", "path": ["inline_policy", "Statement", 0, "Action"], "msg": "allows \"*\" on every resource but those in NotResource"}],
	}} with input as {"resources": [inline({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:iam::*:role/breakglass"})]}
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Allow", "Action": "*", "NotResource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [inline({"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:iam::*:role/breakglass"})]}
}

package palisade.aws.iam.role_trust_cross_account_unprotected_test

import data.palisade.aws.iam.role_trust_cross_account_unprotected as rule

role(statement) := {"address": "aws_iam_role.vendor", "type": "aws_iam_role", "name": "vendor", "references": [], "config": {"assume_role_policy": {"Version": "2012-10-17", "Statement": [statement]}}}

trust(condition) := object.union(
	{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}},
	condition,
)

test_no_condition_fires if {
	rule.deny == {{
		"msg": "aws_iam_role.vendor can be assumed from AWS account 111122223333 without an external ID or MFA",
		"resource": "aws_iam_role.vendor", "path": ["assume_role_policy"],
		"related": [{"resource": "aws_iam_role.vendor", "path": ["assume_role_policy", "Statement", 0, "Principal"], "msg": "trusts another account without sts:ExternalId or MFA"}],
	}} with input as {"resources": [role(trust({}))]}
}

test_weak_conditions_fire if {
	count(rule.deny) == 1 with input as {"resources": [role(trust({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}))]}
	count(rule.deny) == 1 with input as {"resources": [role(trust({"Condition": {"StringEquals": {"sts:ExternalId": ""}}}))]}
	count(rule.deny) == 1 with input as {"resources": [role({"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["444455556666"]}})]}
}

test_protected_or_service_passes if {
	count(rule.deny) == 0 with input as {"resources": [role(trust({"Condition": {"StringEquals": {"sts:ExternalId": "k-123"}}}))]}
	count(rule.deny) == 0 with input as {"resources": [role(trust({"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}))]}
	count(rule.deny) == 0 with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": {"$unknown": "var.trusted_arn"}}})]}
	count(rule.deny) == 0 with input as {"resources": [role(trust({"Condition": {"StringEquals": {"sts:ExternalId": {"$unknown": "var.external_id"}}}}))]}
}

# Round 36 (ScoutSuite iam-assume-role-lacks-external-id-and-mfa): an external ID any value matches,
# IfExists forms (a request without the key passes) and BoolIfExists on aws:MultiFactorAuthPresent
# (long-term access keys carry no such key) protect nothing.
test_conditions_that_admit_anyone_fire if {
	count(rule.deny) == 1 with input as {"resources": [role(trust({"Condition": {"StringLike": {"sts:ExternalId": "*"}}}))]}
	count(rule.deny) == 1 with input as {"resources": [role(trust({"Condition": {"StringEqualsIfExists": {"sts:ExternalId": "a1b2c3"}}}))]}
	count(rule.deny) == 1 with input as {"resources": [role(trust({"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}))]}
	count(rule.deny) == 0 with input as {"resources": [role(trust({"Condition": {"StringLike": {"sts:ExternalId": "tenant-42-*"}}}))]}
}

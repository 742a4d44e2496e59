package palisade.aws.iam.policy_service_wildcard_test

import data.palisade.aws.iam.policy_service_wildcard as rule

policy(statement) := {"address": "aws_iam_role_policy.app", "type": "aws_iam_role_policy", "name": "app", "config": {"role": "app", "policy": {"Statement": [statement]}}, "references": []}

test_service_wildcard_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows every action of a service: dynamodb:*, s3:*",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Action"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:*", "dynamodb:*", "sqs:SendMessage"], "Resource": "arn:aws:s3:::b"})]}
}

test_specific_or_deny_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": [{"$unknown": "var.action"}], "Resource": "*"})]}
}

test_permission_set_inline_policy_fires if {
	inline := {"address": "aws_ssoadmin_permission_set_inline_policy.ops", "type": "aws_ssoadmin_permission_set_inline_policy", "name": "ops", "references": [], "config": {
		"inline_policy": {"Statement": [
			{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
			{"Effect": "Allow", "Action": ["s3:HeadBucket", "iam:*"], "Resource": "*"},
		]},
		"permission_set_arn": "arn:aws:sso:::permissionSet/ssoins-1/ps-1",
	}}
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set_inline_policy.ops allows every action of a service: iam:*",
		"resource": "aws_ssoadmin_permission_set_inline_policy.ops", "path": ["inline_policy", "Statement", 1, "Action"],
	}} with input as {"resources": [inline]}
}

doc(statements) := {"address": "aws_iam_policy.ops", "type": "aws_iam_policy", "name": "ops", "config": {"policy": {"Statement": statements}}, "references": []}

test_wildcard_denied_in_the_same_document_passes if {
	# Deny wins: "iam:*" beside an unconditional "Deny iam:*" (or "*") on every resource grants nothing.
	count(rule.deny) == 0 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}])]}
	count(rule.deny) == 0 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}])]}

	# Part of the service denied, a condition, one resource, or another document's Deny: still reported.
	every deny in [
		{"Effect": "Deny", "Action": "iam:Create*", "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:role/admin"},
	] {
		count(rule.deny) == 1 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}, deny])]}
	}
	count(rule.deny) == 1 with input as {"resources": [doc([{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]), policy({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})]}
}

attachment(type, config) := {"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}

# CloudGoat cloud_breach_s3 / rce_web_app / glue_privesc attach AWS managed full-access policies.
test_managed_full_access_attachment_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy_attachment.this attaches the AWS managed AmazonS3FullAccess policy, which allows every action of its service",
		"resource": "aws_iam_role_policy_attachment.this", "path": ["policy_arn"], "peers": [{"checkov": []}],
	}} with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_policy_attachment", {"name": "x", "users": ["u"], "policy_arn": "arn:aws-us-gov:iam::aws:policy/AWSLambda_FullAccess"})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_role", {"managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/CloudWatchFullAccessV2"]})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMFullAccess\""}})]}
}

test_managed_full_access_looked_up_fires if {
	att := object.union(attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": {"$unknown": "data.aws_iam_policy.s3.arn"}}), {"references": [{"path": ["policy_arn"], "target": "data.aws_iam_policy.s3", "attribute": "arn"}]})
	lookup := {"address": "data.aws_iam_policy.s3", "mode": "data", "type": "aws_iam_policy", "name": "s3", "config": {"arn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [att], "data": [lookup]}
}

test_scoped_managed_and_customer_policies_pass if {
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": "arn:aws:iam::111122223333:policy/S3FullAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "app", "policy_arn": {"$unknown": "aws_iam_policy.app.arn"}})]}
}

# Round 22: an Allow whose DateLessThan on aws:CurrentTime has passed allows nothing.
test_expired_allow_passes if {
	expired := {"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-06-30T00:00:00Z"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(expired)]}
	future := object.union(expired, {"Condition": {"DateLessThan": {"aws:CurrentTime": "2999-01-01T00:00:00Z"}}})
	count(rule.deny) == 1 with input as {"resources": [policy(future)]}
}

# A managed policy used only as a role's permissions boundary caps what the role's own policies
# grant and grants nothing itself (held-out H3, setup-iam-permissions): not reported.
test_permissions_boundary_passes if {
	cap := {"address": "aws_iam_policy.cap", "type": "aws_iam_policy", "name": "cap", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"}]}}, "references": []}
	role := {"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "config": {}, "references": [{"path": ["permissions_boundary"], "target": "aws_iam_policy.cap", "attribute": "arn"}]}
	count(rule.deny) == 0 with input as {"resources": [cap, role]}
	count(rule.deny) == 1 with input as {"resources": [cap]}
}

# "*" on named resources (Snyk IaC's examples, round 29: "*" on arn:aws:s3:::*) allows every action
# of the services those resources belong to, at least as broad as "s3:*" there. On every resource
# it is PAL-AWS-IAM-001's full administrative access instead.
test_all_actions_on_named_resources_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows every action (\"*\") on the resources it names",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Action"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "*:*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]})]}
}

test_all_actions_on_every_resource_is_left_to_full_admin if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::b"})]}
	count(rule.deny) == 0 with input as {"resources": [doc([{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}])]}
}

# Round 31: "*" with NotResource names no resources: it is every resource but those listed,
# PAL-AWS-IAM-001's full administrative access, reported there instead.
test_star_with_not_resource_left_to_full_admin if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:iam::111122223333:role/admin"})]}
}

# "*" on "*" scoped by an unconditional Deny of "*" on every resource but named ones is every
# action on those resources (PAL-AWS-IAM-001 leaves it).
test_star_scoped_by_a_not_resource_deny_fires if {
	rule.deny == {{
		"msg": "aws_iam_policy.ops allows every action (\"*\") on the resources it names",
		"resource": "aws_iam_policy.ops", "path": ["policy", "Statement", 0, "Action"],
	}} with input as {"resources": [doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::reports/*"}])]}
}

# Session 23: two AWS managed policies whose names do not say FullAccess allow a whole service
# (their documents in the AWS Managed Policy Reference).
test_named_managed_service_wildcards_fire if {
	rule.deny == {{
		"msg": "aws_iam_role_policy_attachment.this attaches the AWS managed AWSLambdaExecute policy, which allows every CloudWatch Logs action (logs:*) on every log group",
		"resource": "aws_iam_role_policy_attachment.this", "path": ["policy_arn"], "peers": [{"checkov": []}],
	}} with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/AWSLambdaExecute"})]}
	rule.deny == {{
		"msg": "aws_iam_role.this attaches the AWS managed SecretsManagerReadWrite policy, which allows every Secrets Manager action (secretsmanager:*) on every secret",
		"resource": "aws_iam_role.this", "path": ["managed_policy_arns", 0], "peers": [{"checkov": []}],
	}} with input as {"resources": [attachment("aws_iam_role", {"managed_policy_arns": ["arn:aws-cn:iam::aws:policy/SecretsManagerReadWrite"]})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_policy_attachment", {"name": "x", "roles": ["fn"], "policy_arn": {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AWSLambdaExecute\""}})]}
}

test_named_managed_lookalikes_pass if {
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::111122223333:policy/AWSLambdaExecute"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": {"$unknown": "var.policy_arn"}})]}
}

# Round 42 (Checkov CKV2_AWS_56): an AWS managed full-access policy attached to an IAM Identity
# Center permission set is reported at the attachment, as the IAM attachments are.
test_permission_set_managed_full_access_fires if {
	rule.deny == {{
		"msg": "aws_ssoadmin_managed_policy_attachment.this attaches the AWS managed IAMFullAccess policy, which allows every action of its service",
		"resource": "aws_ssoadmin_managed_policy_attachment.this", "path": ["managed_policy_arn"],
		"peers": [{"checkov": ["CKV2_AWS_56"]}],
	}} with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"instance_arn": "i", "permission_set_arn": "p", "managed_policy_arn": "arn:aws:iam::aws:policy/IAMFullAccess"})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"managed_policy_arn": "arn:aws:iam::aws:policy/SecretsManagerReadWrite"})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"managed_policy_arn": {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonS3FullAccess\""}})]}
}

test_permission_set_managed_scoped_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"managed_policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"managed_policy_arn": {"$unknown": "var.policy_arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_ssoadmin_managed_policy_attachment", {"instance_arn": "i"})]}
}

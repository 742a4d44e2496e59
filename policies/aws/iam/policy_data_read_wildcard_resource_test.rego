package palisade.aws.iam.policy_data_read_wildcard_resource_test

import data.palisade.aws.iam.policy_data_read_wildcard_resource as rule

policy(statement) := {"address": "aws_iam_role_policy.app", "type": "aws_iam_role_policy", "name": "app", "config": {"role": "app", "policy": {"Statement": [statement]}}, "references": []}

test_object_read_on_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows s3:GetObject on every resource (\"*\"): every object of the account can be read",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"})]}
}

test_secrets_parameters_and_items_fire if {
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "ssm:GetParametersByPath", "dynamodb:Scan"], "Resource": ["arn:aws:s3:::b", "*"]})]}
	f.path == ["policy", "Statement", 0, "Resource", 1]
	f.msg == "aws_iam_role_policy.app allows dynamodb:Scan, secretsmanager:GetSecretValue, ssm:GetParametersByPath on every resource (\"*\"): every parameter, secret, table item of the account can be read"
}

test_read_prefix_patterns_fire if {
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "S3:Get*", "Resource": "*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "ssm:GetParameter*", "Resource": "*"})]}
}

test_scoped_metadata_service_wide_or_deny_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation", "ssm:DescribeParameters"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": [{"$unknown": "var.action"}], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"$unknown": "aws_s3_bucket.b.arn"}})]}
}

# Round 22: an Allow whose DateLessThan on aws:CurrentTime has passed allows nothing.
test_expired_allow_passes if {
	expired := {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2020-06-30T00:00:00Z"}}}
	doc := {"address": "aws_iam_policy.old", "type": "aws_iam_policy", "name": "old", "config": {"policy": {"Statement": [expired]}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [doc]}
	live := object.union(doc, {"config": {"policy": {"Statement": [object.union(expired, {"Condition": {"DateLessThan": {"aws:CurrentTime": "2999-01-01T00:00:00Z"}}})]}}})
	count(rule.deny) == 1 with input as {"resources": [live]}
}

# Round 31: NotResource in an Allow is every resource but those listed (IAM User Guide,
# NotResource); Cloudsplaining counts such reads as data exfiltration.
test_read_with_not_resource_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows secretsmanager:GetSecretValue on every resource except those listed in NotResource: every secret of the account but those can be read",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "NotResource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "NotResource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:root-*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "NotResource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:app-*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "NotResource": "*"})]}
}

# Round 33 (Prowler iam_policy_no_kms_decryption_actions; Security Hub KMS.1, KMS.2): kms:Decrypt
# and kms:ReEncryptFrom on "*" decrypt whatever any key of the account protects, wherever the
# key policy lets IAM decide (the default key policy does).
test_kms_decrypt_on_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows kms:Decrypt on every resource (\"*\"): every KMS key of the account can be used to decrypt",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:ReEncrypt*", "Resource": "*"})]}
}

test_kms_decrypt_scoped_encrypt_or_service_wide_passes if {
	key := "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptTo"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:*", "Resource": "*"})]}
}

# AWS KMS documents kms:ViaService, encryption context and resource tag conditions as the way to
# scope decryption when the keys cannot be listed; such a statement decrypts only what they allow.
test_kms_decrypt_scoped_by_condition_passes if {
	via := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(via)]}
	ctx := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"kms:EncryptionContextKeys": "aws:imagebuilder:arn"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(ctx)]}
	tag := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/app": "orders"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(tag)]}

	# the condition scopes the key use, not the stored-data reads beside it
	mixed := {"Effect": "Allow", "Action": ["kms:Decrypt", "s3:GetObject"], "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows s3:GetObject on every resource (\"*\"): every object of the account can be read",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy(mixed)]}
}

# Review of round 33: a condition only scopes when it pins the key to values. A negated operator
# (every service but one), IfExists (a direct call carries no kms:ViaService, so it passes) and
# Null (any service, any context) leave every key usable.
test_kms_unscoping_condition_operators_fire if {
	not_via := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringNotEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(not_via)]}
	if_exists := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEqualsIfExists": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(if_exists)]}
	null_ctx := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"Null": {"kms:EncryptionContextKeys": "false"}}}
	count(rule.deny) == 1 with input as {"resources": [policy(null_ctx)]}
}

# Review of round 33: AWS KMS also documents aliases as a way to scope key use (ABAC with
# kms:ResourceAliases, and kms:RequestAlias on the alias the call names).
test_kms_decrypt_scoped_by_alias_passes if {
	res := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/orders"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(res)]}
	req := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringLike": {"kms:RequestAlias": "alias/orders-*"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(req)]}
}

# Review of round 33: ForAllValues holds when the request has no value for the key (a decrypt
# without encryption context), so it scopes only with the Null check the KMS guide pairs it with.
test_kms_forallvalues_needs_null_check if {
	all_keys := {"ForAllValues:StringEquals": {"kms:EncryptionContextKeys": ["app"]}}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": all_keys})]}
	with_null := object.union(all_keys, {"Null": {"kms:EncryptionContextKeys": "false"}})
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": with_null})]}
}

attachment(type, config) := {"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}

# Session 23 (held-out corpus 21: five power-tuning roles given AWSLambdaExecute): AWS managed
# policies whose documents read stored data on every resource, reported where attached.
test_managed_data_read_policies_fire if {
	rule.deny == {{
		"msg": "aws_iam_role_policy_attachment.this attaches the AWS managed AWSLambdaExecute policy, which allows s3:GetObject and s3:PutObject on every bucket: every object of the account can be read and overwritten",
		"resource": "aws_iam_role_policy_attachment.this", "path": ["policy_arn"],
	}} with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/AWSLambdaExecute"})]}
	rule.deny == {{
		"msg": "aws_iam_role.this attaches the AWS managed AmazonSSMReadOnlyAccess policy, which allows ssm:Get* on every resource: every parameter of the account can be read",
		"resource": "aws_iam_role.this", "path": ["managed_policy_arns", 1],
	}} with input as {"resources": [attachment("aws_iam_role", {"managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"]})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_policy_attachment", {"name": "x", "roles": ["fn"], "policy_arn": "arn:aws-us-gov:iam::aws:policy/AmazonS3ReadOnlyAccess"})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_role_policy_attachments_exclusive", {"role_name": "fn", "policy_arns": ["arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"]})]}
	count(rule.deny) == 1 with input as {"resources": [attachment("aws_iam_user_policy_attachment", {"user": "u", "policy_arn": {"$unknown": "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AWSLambdaExecute\""}})]}
}

test_managed_data_read_looked_up_fires if {
	att := object.union(attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": {"$unknown": "data.aws_iam_policy.exec.arn"}}), {"references": [{"path": ["policy_arn"], "target": "data.aws_iam_policy.exec", "attribute": "arn"}]})
	lookup := {"address": "data.aws_iam_policy.exec", "mode": "data", "type": "aws_iam_policy", "name": "exec", "config": {"name": "AWSLambdaExecute"}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [att], "data": [lookup]}
}

# ReadOnlyAccess and AmazonSSMManagedInstanceCore are left out on purpose (see the rule); a
# customer policy of the same name, a policy under a path and an unknown ARN are not judged.
test_other_managed_policies_pass if {
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": "arn:aws:iam::111122223333:policy/AmazonS3ReadOnlyAccess"})]}
	count(rule.deny) == 0 with input as {"resources": [attachment("aws_iam_role_policy_attachment", {"role": "fn", "policy_arn": {"$unknown": "var.policy_arn"}})]}
}

iam_call(sub, config) := {"address": "module.role", "source": sprintf("terraform-aws-modules/iam/aws//modules/%s", [sub]), "version": "~> 5.24", "config": config}

# terraform-aws-iam's iam-github-oidc-role example gives its role AmazonS3ReadOnlyAccess.
test_managed_data_read_through_iam_submodule_fires if {
	call := iam_call("iam-github-oidc-role", {"subjects": ["org/repo:*"], "policies": {"S3ReadOnly": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}})
	rule.deny == {{
		"msg": "module.role attaches the AWS managed AmazonS3ReadOnlyAccess policy to the role it creates, which allows s3:Get* on every resource: every object of the account can be read",
		"resource": "module.role", "path": ["policies", "S3ReadOnly"],
	}} with input as {"resources": [], "modules": [call]}
	off := iam_call("iam-assumable-role", {"custom_role_policy_arns": ["arn:aws:iam::aws:policy/AWSLambdaExecute"]})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
	on := iam_call("iam-assumable-role", {"create_role": true, "custom_role_policy_arns": ["arn:aws:iam::aws:policy/AWSLambdaExecute"]})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [on]}
}

# Session 23 (held-out corpora 20–22): an ARN whose resource part is a bare wildcard over the
# action's resource type grants what "*" grants.
test_arn_over_every_resource_of_the_type_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows secretsmanager:GetSecretValue on arn:aws:secretsmanager:ca-central-1:111122223333:secret:*, which matches every resource of the type: every secret of the account can be read",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], "Resource": "arn:aws:secretsmanager:ca-central-1:111122223333:secret:*"})]}
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::*", "arn:aws:s3:::*/*"]})]}
	f.path == ["policy", "Statement", 0, "Resource", 1]
	count(rule.deny) == 2 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::*", "arn:aws:s3:::*/*"]})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "ssm:GetParameter*", "Resource": "arn:aws:ssm:*:*:parameter/*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:*:key/*"})]}
}

test_arn_reads_only_its_own_service if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows ssm:GetParameters on arn:aws:ssm:*:*:parameter/*, which matches every resource of the type: every parameter of the account can be read",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource", 1],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "ssm:GetParameters"], "Resource": ["arn:aws:s3:::b/*", "arn:aws:ssm:*:*:parameter/*"]})]}

	# "*" beside the pattern is reported once, on "*".
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::*/*", "*"]})]}
	f.path == ["policy", "Statement", 0, "Resource", 1]
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::*/*", "*"]})]}
}

test_arn_with_prefix_or_unknown_part_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:app/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "arn:aws:ssm:*:*:parameter/app/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"$unknown": "\"arn:aws:s3:::${var.bucket}/*\""}})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::*/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"})]}

	# The account is whichever ${var.account} holds: every secret of it.
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": {"$unknown": "\"arn:aws:secretsmanager:${var.region}:${var.account}:secret:*\""}})]}
}

test_arn_kms_scoped_by_via_service_passes if {
	s := {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:*:*:key/*", "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(s)]}
}

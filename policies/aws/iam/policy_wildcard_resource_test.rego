package palisade.aws.iam.policy_wildcard_resource_test

import data.palisade.aws.iam.policy_wildcard_resource as rule

policy(statement) := {"address": "aws_iam_role_policy.app", "type": "aws_iam_role_policy", "name": "app", "config": {"role": "app", "policy": {"Statement": [statement]}}, "references": []}

test_write_action_on_star_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows s3:PutObject on every resource (\"*\")",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"})]}
}

test_star_inside_a_list_is_pointed_at if {
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ["arn:aws:sqs:us-east-1:1:q", "*"]})]}
	f.path == ["policy", "Statement", 0, "Resource", 1]
}

test_patterns_count_when_they_match_a_write_action if {
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "S3:Put*", "Resource": "*"})]}
}

test_read_only_wildcard_only_or_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:PutAccountPublicAccessBlock"], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": [{"$unknown": "var.action"}], "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "Resource": {"$unknown": "aws_s3_bucket.b.arn"}})]}
}

test_long_lists_are_summarised if {
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:DeleteMessage", "sqs:PurgeQueue", "sqs:SetQueueAttributes"], "Resource": "*"})]}
	f.msg == "aws_iam_role_policy.app allows sqs:DeleteMessage, sqs:PurgeQueue, sqs:SendMessage and 1 more write actions on every resource (\"*\")"
}

test_inner_wildcards_use_glob if {
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "sqs:?urgeQueue", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "sqs:?etQueueUrl", "Resource": "*"})]}
}

test_writes_denied_in_the_same_document_pass if {
	both := {"address": "aws_iam_policy.ops", "type": "aws_iam_policy", "name": "ops", "references": [], "config": {"policy": {"Statement": [
		{"Effect": "Allow", "Action": ["iam:*", "s3:PutObject"], "Resource": "*"},
		{"Effect": "Deny", "Action": "iam:*", "Resource": "*"},
	]}}}
	rule.deny == {{
		"msg": "aws_iam_policy.ops allows s3:PutObject on every resource (\"*\")",
		"resource": "aws_iam_policy.ops", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [both]}
}

until(date) := policy({"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": date}}})

test_expired_statement_passes if {
	# A DateLessThan on aws:CurrentTime already past: no request made now is allowed (iam-vulnerable fp5).
	count(rule.deny) == 0 with input as {"resources": [until("2023-06-30T00:00:00Z")]}
	count(rule.deny) == 1 with input as {"resources": [until("2999-01-01T00:00:00Z")]}
}

# A managed policy used only as a role's permissions boundary grants nothing (held-out H3).
test_permissions_boundary_passes if {
	cap := {"address": "aws_iam_policy.cap", "type": "aws_iam_policy", "name": "cap", "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}}, "references": []}
	role := {"address": "aws_iam_role.deploy", "type": "aws_iam_role", "name": "deploy", "config": {}, "references": [{"path": ["permissions_boundary"], "target": "aws_iam_policy.cap", "attribute": "arn"}]}
	count(rule.deny) == 0 with input as {"resources": [cap, role]}
	count(rule.deny) == 1 with input as {"resources": [cap]}
}

# Round 31: an Allow with NotResource grants its actions on every resource except those listed
# (IAM User Guide, NotResource); Parliament reports it as NOTRESOURCE_WITH_ALLOW.
test_write_action_with_not_resource_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows s3:PutObject on every resource except those listed in NotResource",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "NotResource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "NotResource": ["arn:aws:s3:::hr/payroll/*"]})]}
}

test_not_resource_deny_star_or_read_only_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::hr/payroll/*"]})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "NotResource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::hr/*"})]}
}

# A Deny without a condition on every resource but those a NotResource lists one by one leaves the
# Allow's writes on those resources only (Deny wins; IAM User Guide, NotResource with Deny).
scoped(deny) := {"address": "aws_iam_policy.ops", "type": "aws_iam_policy", "name": "ops", "references": [], "config": {"policy": {"Statement": [
	{"Effect": "Allow", "Action": ["s3:PutObject", "sqs:SendMessage"], "Resource": "*"},
	deny,
]}}}

test_writes_scoped_by_a_not_resource_deny_pass if {
	buckets := ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
	rule.deny == {{
		"msg": "aws_iam_policy.ops allows sqs:SendMessage on every resource (\"*\")",
		"resource": "aws_iam_policy.ops", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [scoped({"Effect": "Deny", "Action": "s3:*", "NotResource": buckets})]}
	count(rule.deny) == 0 with input as {"resources": [scoped({"Effect": "Deny", "Action": "*", "NotResource": array.concat(buckets, ["arn:aws:sqs:eu-west-1:123456789012:jobs"])})]}
}

# The Deny must exclude named resources and hold unconditionally: a wildcard that still reaches a
# whole service or type, an unknown item, a condition or a Deny of other actions leaves it open.
both_open := {{
	"msg": "aws_iam_policy.ops allows s3:PutObject, sqs:SendMessage on every resource (\"*\")",
	"resource": "aws_iam_policy.ops", "path": ["policy", "Statement", 0, "Resource"],
}}

test_writes_a_not_resource_deny_does_not_scope_fire if {
	rule.deny == both_open with input as {"resources": [scoped({"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::*"})]}
	rule.deny == both_open with input as {"resources": [scoped({"Effect": "Deny", "Action": "*", "NotResource": ["arn:aws:s3:::reports/*", "arn:aws:sqs:*:*:*"]})]}
	rule.deny == both_open with input as {"resources": [scoped({"Effect": "Deny", "Action": "*", "NotResource": [{"$unknown": "var.allowed"}]})]}
	rule.deny == both_open with input as {"resources": [scoped({"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::reports/*", "Condition": {"Bool": {"aws:ViaAWSService": "false"}}})]}
	rule.deny == both_open with input as {"resources": [scoped({"Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::reports/*"})]}
}

# Review of round 33: kms:Decrypt and kms:ReEncryptFrom on "*" are PAL-AWS-IAM-024's since round 33
# (Security Hub KMS.1/KMS.2, with its kms:ViaService / encryption context scoping); reporting them
# here too doubled the finding and flagged the scoped statement IAM-024 passes (Image Builder's
# context-keyed decrypt). A pattern that also matches other writes (kms:ReEncrypt*) stays here.
test_kms_decrypt_left_to_iam_024 if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["kms:Decrypt", "kms:ReEncryptFrom", "kms:Decrypt*"], "Resource": "*"})]}
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows kms:Encrypt, kms:ReEncrypt* on every resource (\"*\")",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*"], "Resource": "*"})]}
}

# Session 23 (held-out corpora 21–22): an ARN whose resource part is "*" alone is every resource
# of its service.
test_arn_over_the_whole_service_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents on arn:aws:logs:*:*:*, every resource of the service",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:*"})]}
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish"], "Resource": ["arn:aws:sns:*:*:alerts", {"$unknown": "\"arn:aws:sqs:${var.region}:${var.account}:*\""}]})]}
	f.msg == "aws_iam_role_policy.app allows sqs:SendMessage on arn:aws:sqs:${var.region}:${var.account}:*, every resource of the service"
	f.path == ["policy", "Statement", 0, "Resource", 1]
}

# Session 24: a pattern over a whole resource type grants the actions on that type what "*" does.
test_arn_over_every_resource_of_the_actions_types_fires if {
	rule.deny == {{
		"msg": "aws_iam_role_policy.app allows logs:PutLogEvents on arn:aws:logs:*:*:log-group:*, every resource those actions act on",
		"resource": "aws_iam_role_policy.app", "path": ["policy", "Statement", 0, "Resource"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], "Resource": "arn:aws:logs:*:*:log-group:*"})]}

	# A log stream pattern reaches the stream writes only.
	some f in rule.deny with input as {"resources": [policy({"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:PutLogEvents"], "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:*:log-stream:*"})]}
	f.msg == "aws_iam_role_policy.app allows logs:PutLogEvents on arn:aws:logs:eu-west-1:111122223333:log-group:*:log-stream:*, every resource those actions act on"
	arns := [
		"arn:aws:s3:::*/*", "arn:aws:secretsmanager:*:*:secret:*", "arn:aws:ssm:us-east-1:111122223333:parameter/*",
		"arn:aws:dynamodb:*:*:table/*", "arn:aws:logs:*:*:log-group:*:*",
		{"$unknown": "\"arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:log-group:*\""},
	]
	every arn in arns {
		count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": ["s3:PutObject", "secretsmanager:PutSecretValue", "ssm:Put*", "dynamodb:PutItem", "logs:*"], "Resource": arn})]}
	}
}

# An action whose types are alternatives (none required: s3:PutObject on a bucket's object or an
# access point's) counts when the pattern covers one of them; one with required types counts when
# the pattern covers each of them.
test_arn_over_one_alternative_type_fires if {
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:*:*:accesspoint/*"})]}
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:PutSubscriptionFilter", "Resource": "arn:aws:logs:*:*:log-group:*"})]}
}

test_arn_over_some_of_the_actions_types_passes if {
	# ssm:SendCommand acts on documents and on EC2's instances, which no ssm pattern reaches;
	# logs:PutSubscriptionFilter requires the log group (its destination is optional).
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ssm:*:*:document/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:PutSubscriptionFilter", "Resource": "arn:aws:logs:*:*:destination:*"})]}

	# Creating new resources under any name reaches no existing one (AWS's self-service MFA example).
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "iam:CreateVirtualMFADevice", "Resource": "arn:aws:iam::*:mfa/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream"], "Resource": "arn:aws:logs:*:*:log-group:*"})]}

	# A condition (tags, the source instance) may scope a type-level pattern: not judged.
	tagged := {"Effect": "Allow", "Action": "iam:DeleteInstanceProfile", "Resource": "arn:aws:iam::111122223333:instance-profile/*", "Condition": {"StringEquals": {"aws:ResourceTag/cluster": "owned"}}}
	count(rule.deny) == 0 with input as {"resources": [policy(tagged)]}

	# Tagging actions are read on "*" only (lib/iam_write_types leaves them out).
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:TagResource", "Resource": "arn:aws:logs:*:*:log-group:*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:*:*:log-group:*:*"})]}

	# An empty account matches no log group; S3 access points carry a Region.
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "arn:aws:logs:*::log-group:*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutAccessPointPolicy", "Resource": "arn:aws:s3:::*/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::*/reports/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:DescribeLogGroups", "Resource": "arn:aws:logs:*:*:log-group:*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": {"$unknown": "\"arn:aws:logs:*:*:log-group:${var.group}:*\""}})]}
}

test_arn_naming_a_type_or_prefix_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:log-group:/aws/lambda/*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:*:*:jobs-*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sns:*:*:*"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::reports/*"})]}

	# "*" beside the pattern: reported once, on "*".
	count(rule.deny) == 1 with input as {"resources": [policy({"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": ["arn:aws:logs:*:*:*", "*"]})]}
}

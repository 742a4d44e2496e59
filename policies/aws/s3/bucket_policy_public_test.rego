package palisade.aws.s3.bucket_policy_public_test

import data.palisade.aws.s3.bucket_policy_public as rule

policy(statement) := {"address": "aws_s3_bucket_policy.site", "type": "aws_s3_bucket_policy", "name": "site", "config": {"bucket": "corp-site", "policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_get_fires if {
	rule.deny == {{
		"msg": "the policy of aws_s3_bucket_policy.site allows s3:GetObject to anyone",
		"resource": "aws_s3_bucket_policy.site", "path": ["policy", "Statement", 0, "Principal"],
	}} with input as {"resources": [policy({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::corp-site/*"})]}
}

test_conditioned_or_named_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Deny", "Principal": "*", "Action": "s3:*"})]}
}

test_unknown_principal_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [policy({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.principal"}}, "Action": "s3:GetObject"})]}
	count(rule.deny) == 0 with input as {"resources": [policy({"$unknown": "var.statement"})]}
}

package palisade.aws.s3.bucket_policy_service_unscoped_test

import data.palisade.aws.s3.bucket_policy_service_unscoped as rule

res(statement) := {"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

# trussworks/terraform-aws-logs (held-out s17/h2): CloudTrail may write for any account's trail.
test_service_without_source_condition_fires if {
	rule.deny == {{
		"msg": "the policy of aws_s3_bucket_policy.this lets cloudtrail.amazonaws.com write for any account (no aws:SourceArn or aws:SourceAccount condition)",
		"resource": "aws_s3_bucket_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_s3_bucket_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "service principal without a source condition"}],
	}} with input as {"resources": [res({
		"Effect": "Allow", "Principal": {"Service": ["cloudtrail.amazonaws.com"]}, "Action": ["s3:PutObject"],
		"Resource": "arn:aws:s3:::logs/cloudtrail/AWSLogs/111122223333/*",
		"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
	})]}
}

# An inline bucket policy counts; actions are case-insensitive and wildcards include PutObject.
test_inline_policy_and_wildcard_action if {
	bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "S3:Put*"}]}}}
	count(rule.deny) == 1 with input as {"resources": [bucket]}
}

test_source_condition_passes if {
	some key in ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID"]
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "config.amazonaws.com"}, "Action": "s3:PutObject", "Condition": {"StringEquals": {key: "111122223333"}}})]}
}

test_unknown_condition_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "s3:PutObject", "Condition": {"ArnLike": {"aws:SourceArn": {"$unknown": "aws_s3_bucket.b.arn"}}}})]}
}

# Not this rule's: account principals, "*" (PAL-AWS-S3-001), Deny, reading the ACL, unknown services.
test_other_statements_pass if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::127311923021:root"}, "Action": "s3:PutObject"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Deny", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:GetBucketAcl"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": {"$unknown": "var.service"}}, "Action": "s3:PutObject"})]}
}

test_opaque_module_policy_fires if {
	call := {"address": "module.logs", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"attach_policy": true, "policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject"}]}}}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call]}
}

put(services) := {"Effect": "Allow", "Principal": {"Service": services}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}

# From the AFT round (session 17, H4): a condition on the object ACL alone is no source condition;
# an unknown policy is not judged.
test_acl_condition_alone_fires if {
	acl := object.union(put("cloudtrail.amazonaws.com"), {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}})
	count(rule.deny) == 1 with input as {"resources": [res(acl)]}
}

test_unknown_policy_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"$unknown": "var.policy"}}, "references": []}]}
}

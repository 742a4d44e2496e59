package palisade.aws.s3.bucket_policy_service_unscoped_test

import data.palisade.aws.s3.bucket_policy_service_unscoped as rule

res(statement) := {"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

put(services) := {"Effect": "Allow", "Principal": {"Service": services}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}

# AWS Control Tower Account Factory's log archive bucket (held-out round, session 17): any
# account's trail or flow log could deliver into it.
test_service_without_source_condition_fires if {
	rule.deny == {{
		"msg": "the policy of aws_s3_bucket_policy.this lets cloudtrail.amazonaws.com, delivery.logs.amazonaws.com write objects for any account (no aws:SourceArn or aws:SourceAccount condition)",
		"resource": "aws_s3_bucket_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_s3_bucket_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "service principal without a source condition"}],
	}} with input as {"resources": [res(put(["cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com"]))]}
}

test_inline_bucket_policy_and_wildcard_action if {
	bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:Put*", "Resource": "arn:aws:s3:::b/*"}]}}}
	count(rule.deny) == 1 with input as {"resources": [bucket]}
	count(rule.deny) == 1 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "config.amazonaws.com"}, "Action": "s3:*"})]}
}

# AWS's own examples: a source ARN, account or organization, also as a reference or in a
# template (the AWS Control Tower log bucket scopes with aws:SourceOrgID).
test_source_condition_passes if {
	some key in ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID"]
	scoped := object.union(put("cloudtrail.amazonaws.com"), {"Condition": {"StringEquals": {key: "111122223333"}}})
	count(rule.deny) == 0 with input as {"resources": [res(scoped)]}
	by_ref := object.union(put("cloudtrail.amazonaws.com"), {"Condition": {"ArnLike": {"aws:SourceArn": {"$unknown": "aws_cloudtrail.t.arn"}}}})
	count(rule.deny) == 0 with input as {"resources": [res(by_ref)]}
}

# An ACL condition alone (AWS's older CloudTrail example) does not say whose trail writes.
test_acl_condition_alone_fires if {
	acl := object.union(put("cloudtrail.amazonaws.com"), {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}})
	count(rule.deny) == 1 with input as {"resources": [res(acl)]}
}

# Not this rule's: the services' permission checks (reads), "*" (PAL-AWS-S3-009), accounts, Deny.
test_other_statements_pass if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": ["s3:GetBucketAcl", "s3:ListBucket"]})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:PutObject"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Deny", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject"})]}
}

test_unknown_policy_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"$unknown": "var.policy"}}, "references": []}]}
}

package palisade.aws.cloudtrail.log_bucket_public_test

import data.palisade.aws.cloudtrail.log_bucket_public as rule

test_fires_on_inline_acl if {
	rule.deny == {{"msg": "aws_s3_bucket.trail receives the CloudTrail logs of aws_cloudtrail.main but its ACL is public-read", "resource": "aws_s3_bucket.trail", "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}]}} with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "acl": "public-read"}, "references": []}]}
}

test_fires_on_acl_resource if {
	rule.deny == {{"msg": "aws_s3_bucket.trail receives the CloudTrail logs of aws_cloudtrail.main but its ACL is public-read", "resource": "aws_s3_bucket_acl.trail", "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}]}} with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}, {"address": "aws_s3_bucket_acl.trail", "type": "aws_s3_bucket_acl", "name": "trail", "config": {"bucket": "corp-trail", "acl": "public-read"}, "references": []}]}
}

test_passes_on_private if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "acl": "private"}, "references": []}]}
}

test_ignores_other_buckets if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-site", "acl": "public-read"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "acl": {"$unknown": "var.x"}}, "references": []}]}
}

test_public_acl_ignored_by_public_access_block if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}, {"address": "aws_s3_bucket_acl.trail", "type": "aws_s3_bucket_acl", "name": "trail", "config": {"bucket": "corp-trail", "acl": "public-read"}, "references": []}, {"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "block_public_acls": true, "ignore_public_acls": true}, "references": []}]}
}

test_public_acl_with_public_access_block_not_ignoring if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}, {"address": "aws_s3_bucket_acl.trail", "type": "aws_s3_bucket_acl", "name": "trail", "config": {"bucket": "corp-trail", "acl": "public-read"}, "references": []}, {"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "block_public_acls": false, "ignore_public_acls": false}, "references": []}]}
}

# The account public access block of the configuration ignores public ACLs for every bucket.
test_public_acl_ignored_by_account_public_access_block if {
	trail := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}
	bucket := {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "acl": "public-read"}, "references": []}
	account := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": {"ignore_public_acls": true}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [trail, bucket, account]}
	count(rule.deny) == 1 with input as {"resources": [trail, bucket, object.union(account, {"config": {"ignore_public_acls": false}})]}
}

# CIS 3.3 also covers a bucket policy open to everyone (round 28, Shisho Cloud's
# log-bucket-accessibility reads both the ACL grants and the policy).
trail_and_bucket := [
	{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]},
	{"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []},
]

bucket_policy(statement) := {"address": "aws_s3_bucket_policy.trail", "type": "aws_s3_bucket_policy", "name": "trail", "config": {"bucket": "corp-trail", "policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

public_read := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::corp-trail/*"}

test_fires_on_public_bucket_policy if {
	findings := rule.deny with input as {"resources": array.concat(trail_and_bucket, [bucket_policy(public_read)])}
	count(findings) == 1
	some f in findings
	f.msg == "aws_s3_bucket.trail receives the CloudTrail logs of aws_cloudtrail.main but its bucket policy allows s3:GetObject to any principal"
	f.resource == "aws_s3_bucket_policy.trail"
	f.path == ["policy"]
	not f.fix
}

test_fires_on_public_inline_policy if {
	count(rule.deny) == 1 with input as {"resources": [
		trail_and_bucket[0],
		{"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "policy": {"Version": "2012-10-17", "Statement": [public_read]}}, "references": []},
	]}
}

test_cloudtrail_service_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [bucket_policy({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::corp-trail/AWSLogs/*"})])}
}

test_policy_scoped_by_condition_passes if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [bucket_policy(object.union(public_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}))])}
}

# Block Public Access: restrict_public_buckets limits a public policy to the owner's account and
# AWS services, on the bucket or the account.
test_public_policy_restricted_by_bucket_block if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "restrict_public_buckets": true}, "references": []},
	])}
}

test_public_policy_with_block_left_off_fires if {
	count(rule.deny) == 1 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "block_public_acls": true, "ignore_public_acls": true}, "references": []},
	])}
}

# block_public_policy only makes S3 refuse a new public policy; "Enabling this setting doesn't
# affect existing bucket policies" (S3 API, PublicAccessBlockConfiguration). Terraform may put the
# policy before the block (nothing orders them), and a policy stored earlier stays in force: the
# switch alone does not keep the logs private (review of round 28).
test_public_policy_not_held_back_by_block_public_policy_alone if {
	count(rule.deny) == 1 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "block_public_policy": true}, "references": []},
	])}
	count(rule.deny) == 1 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "config": {"block_public_policy": true}, "references": []},
	])}
}

test_public_policy_restricted_by_account_block if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "config": {"restrict_public_buckets": true}, "references": []},
	])}
}

# restrict_public_buckets acts on policies S3 deems public. S3 deems a policy that admits fixed
# aws:SourceIp ranges non-public, so the switch leaves such a statement alone, while for
# lib/resource_policy an address range limits where, not who: anyone calling from there.
test_ip_limited_policy_not_held_back_by_restrict_public_buckets if {
	ip_read := object.union(public_read, {"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}})
	count(rule.deny) == 1 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(ip_read),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "restrict_public_buckets": true}, "references": []},
	])}
	everywhere := object.union(public_read, {"Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}})
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(everywhere),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "restrict_public_buckets": true}, "references": []},
	])}
}

# Deny statements open to everyone (aws:SecureTransport) and statements with an unreadable
# condition are not grants to everyone (lib/resource_policy).
test_deny_and_unknown_condition_pass if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [bucket_policy({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::corp-trail/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}})])}
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [bucket_policy(object.union(public_read, {"Condition": {"$unknown": "var.condition"}}))])}
}

# Session 24: the shared reading of Block Public Access (lib s3.restricts_public_policies): an
# unknown restrict_public_buckets may restrict, so the policy finding is withheld (unknown is
# silent), as S3-009 does.
test_unknown_restrict_public_buckets_is_silent if {
	count(rule.deny) == 0 with input as {"resources": array.concat(trail_and_bucket, [
		bucket_policy(public_read),
		{"address": "aws_s3_bucket_public_access_block.trail", "type": "aws_s3_bucket_public_access_block", "name": "trail", "config": {"bucket": "corp-trail", "restrict_public_buckets": {"$unknown": "var.restrict"}}, "references": []},
	])}
}

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

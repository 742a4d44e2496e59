package palisade.aws.s3.public_access_block_policy_allowed_test

import data.palisade.aws.s3.public_access_block_policy_allowed as rule

bad := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_acls": true, "ignore_public_acls": true, "restrict_public_buckets": true, "block_public_policy": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_acls": false, "ignore_public_acls": false, "restrict_public_buckets": false, "block_public_policy": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_policy": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_s3_bucket_public_access_block.this does not set block_public_policy to true", "resource": "aws_s3_bucket_public_access_block.this", "path": ["block_public_policy"], "fix": [{"op": "set", "path": ["block_public_policy"], "value": true}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

test_opaque_module_fires_only_on_explicit_false if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"block_public_policy": false}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}]}
}

# Session 24: where the configuration applies a public policy to the block's bucket, setting
# block_public_policy stops no access (the stored policy stays) and makes the policy's next put
# fail: the finding stays without a fix. A policy S3 does not call public (a fixed aws:SourceIp)
# is accepted under the block, so the fix stays.
public_bucket := {"address": "aws_s3_bucket.site", "type": "aws_s3_bucket", "name": "site", "config": {"bucket": "site"}, "references": []}

public_policy(condition) := {"address": "aws_s3_bucket_policy.site", "type": "aws_s3_bucket_policy", "name": "site", "references": [], "config": {"bucket": "site", "policy": {"Statement": [object.union({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}, condition)]}}}

site_block := {"address": "aws_s3_bucket_public_access_block.site", "type": "aws_s3_bucket_public_access_block", "name": "site", "config": {"bucket": "site", "block_public_policy": false}, "references": []}

test_public_policy_of_the_bucket_withholds_the_fix if {
	some f in rule.deny with input as {"resources": [public_bucket, public_policy({}), site_block]}
	f.resource == "aws_s3_bucket_public_access_block.site"
	not f.fix
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "config": {}, "references": []}
	some g in rule.deny with input as {"resources": [public_bucket, public_policy({}), account]}
	g.resource == "aws_s3_account_public_access_block.a"
	not g.fix
	call := {"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"block_public_policy": false, "policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}}}
	some h in rule.deny with input as {"resources": [], "modules": [call]}
	not h.fix
}

test_policy_s3_accepts_under_the_block_keeps_the_fix if {
	ip := {"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}
	some f in rule.deny with input as {"resources": [public_bucket, public_policy(ip), site_block]}
	f.fix == [{"op": "set", "path": ["block_public_policy"], "value": true}]
	other := object.union(public_policy({}), {"config": {"bucket": "other"}})
	some g in rule.deny with input as {"resources": [public_bucket, other, site_block]}
	g.fix
}

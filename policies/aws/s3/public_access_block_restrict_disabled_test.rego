package palisade.aws.s3.public_access_block_restrict_disabled_test

import data.palisade.aws.s3.public_access_block_restrict_disabled as rule

bad := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_acls": false, "block_public_policy": false, "ignore_public_acls": false, "restrict_public_buckets": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"restrict_public_buckets": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_s3_bucket_public_access_block.this does not set restrict_public_buckets to true", "resource": "aws_s3_bucket_public_access_block.this", "path": ["restrict_public_buckets"], "fix": [{"op": "set", "path": ["restrict_public_buckets"], "value": true}]}} with input as bad
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
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"restrict_public_buckets": false}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}]}
}

# S3 applies the stricter of the account and bucket settings: an account block of the same
# configuration that restricts public buckets covers a bucket block that does not; an account
# block that leaves the switch off is reported itself.
test_account_block_covers_bucket_block if {
	account := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": {"restrict_public_buckets": true}, "references": []}
	count(rule.deny) == 0 with input as {"resources": array.concat(bad.resources, [account])}
	module := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"restrict_public_buckets": false}}
	count(rule.deny) == 0 with input as {"resources": [account], "modules": [module]}
	open := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": {}, "references": []}
	{f.resource | some f in rule.deny} == {"aws_s3_bucket_public_access_block.this", "aws_s3_account_public_access_block.this"} with input as {"resources": array.concat(bad.resources, [open])}
}

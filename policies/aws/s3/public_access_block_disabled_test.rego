package palisade.aws.s3.public_access_block_disabled_test

import data.palisade.aws.s3.public_access_block_disabled as rule

bad := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true, "block_public_acls": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_policy": false, "ignore_public_acls": false, "restrict_public_buckets": false, "block_public_acls": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {"block_public_acls": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_s3_bucket_public_access_block.this", "type": "aws_s3_bucket_public_access_block", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_s3_bucket_public_access_block.this does not set block_public_acls to true", "resource": "aws_s3_bucket_public_access_block.this", "path": ["block_public_acls"], "fix": [{"op": "set", "path": ["block_public_acls"], "value": true}]}} with input as bad
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
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"block_public_acls": false}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}]}
}

test_opaque_module_before_4_fires_on_the_unset_default if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "version": "3.7.0", "config": {}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "version": "~> 4.1", "config": {}}]}
}

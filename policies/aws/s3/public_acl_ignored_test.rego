package palisade.aws.s3.public_acl_ignored_test

import data.palisade.aws.s3.public_acl_ignored as rule

bucket(acl) := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "config": {"bucket": "corp-b", "acl": acl}, "references": []}

pab(ignore) := {"address": "aws_s3_bucket_public_access_block.b", "type": "aws_s3_bucket_public_access_block", "name": "b", "config": {"bucket": {"$unknown": "aws_s3_bucket.b.id"}, "ignore_public_acls": ignore}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.b", "attribute": "id"}]}

test_ignored_public_acl_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.b sets a public ACL that its public access block ignores", "resource": "aws_s3_bucket.b", "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}]}} with input as {"resources": [bucket("public-read-write"), pab(true)]}
}

test_split_acl_and_module_warn if {
	acl := {"address": "aws_s3_bucket_acl.b", "type": "aws_s3_bucket_acl", "name": "b", "config": {"bucket": "corp-b", "acl": "public-read"}, "references": []}
	count(rule.warn) == 1 with input as {"resources": [bucket("private"), acl, pab(true)]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [{"address": "module.s", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "public-read", "ignore_public_acls": true}}]}
}

test_effective_or_private_acl_passes if {
	count(rule.warn) == 0 with input as {"resources": [bucket("public-read"), pab(false)]}
	count(rule.warn) == 0 with input as {"resources": [bucket("private"), pab(true)]}
	count(rule.warn) == 0 with input as {"resources": [bucket("public-read")]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [bucket({"$unknown": "var.acl"}), pab(true)]}
	count(rule.warn) == 0 with input as {"resources": [bucket("public-read"), pab({"$unknown": "var.ignore"})]}
}

account_block(ignore) := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": {"ignore_public_acls": ignore}, "references": []}

test_account_block_ignoring_public_acls_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.b sets a public ACL that the account public access block ignores", "resource": "aws_s3_bucket.b", "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}]}} with input as {"resources": [bucket("public-read"), account_block(true)]}
	count(rule.warn) == 1 with input as {"resources": [account_block(true)], "modules": [{"address": "module.s", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "public-read"}}]}
}

test_bucket_block_named_before_account_block if {
	rule.warn == {{"msg": "aws_s3_bucket.b sets a public ACL that its public access block ignores", "resource": "aws_s3_bucket.b", "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}]}} with input as {"resources": [bucket("public-read"), pab(true), account_block(true)]}
}

test_account_block_not_ignoring_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [bucket("public-read"), account_block(false)]}
	count(rule.warn) == 0 with input as {"resources": [bucket("public-read"), account_block({"$unknown": "var.ignore"})]}
}

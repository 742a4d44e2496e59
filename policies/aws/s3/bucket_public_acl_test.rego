package palisade.aws.s3.bucket_public_acl_test

import data.palisade.aws.s3.bucket_public_acl as rule

bucket(config) := {"address": "aws_s3_bucket.site", "type": "aws_s3_bucket", "name": "site", "config": config, "references": []}

test_public_read_acl_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_s3_bucket.site uses the public canned ACL \"public-read\"",
		"resource": "aws_s3_bucket.site", "path": ["acl"],
		"fix": [{"op": "set", "path": ["acl"], "value": "private"}],
	}} with input as {"resources": [bucket({"acl": "public-read"})]}
}

test_split_acl_resource_fires if {
	acl := {"address": "aws_s3_bucket_acl.site", "type": "aws_s3_bucket_acl", "name": "site", "config": {"acl": "public-read-write"}, "references": []}
	findings := rule.deny with input as {"resources": [acl]}
	some f in findings
	f.resource == "aws_s3_bucket_acl.site"
	f.path == ["acl"]
}

test_all_users_grant_fires if {
	acl := {"address": "aws_s3_bucket_acl.site", "type": "aws_s3_bucket_acl", "name": "site", "references": [], "config": {"access_control_policy": [{
		"owner": [{"id": "x"}],
		"grant": [{"permission": "READ", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}],
	}]}}
	rule.deny == {{
		"msg": "aws_s3_bucket_acl.site grants access to the AllUsers group",
		"resource": "aws_s3_bucket_acl.site",
		"path": ["access_control_policy", 0, "grant", 0, "grantee", 0, "uri"],
	}} with input as {"resources": [acl]}
}

test_private_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"acl": "private"}), bucket({"acl": "log-delivery-write"})]}
}

test_unknown_acl_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"acl": {"$unknown": "var.acl"}, "grant": {"$unknown": "var.grants"}})]}
}

test_opaque_module_public_acl_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "public-read"}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "private"}}]}
}

pab(config) := {"address": "aws_s3_bucket_public_access_block.site", "type": "aws_s3_bucket_public_access_block", "name": "site", "config": object.union({"bucket": {"$unknown": "aws_s3_bucket.site.id"}}, config), "references": [{"path": ["bucket"], "target": "aws_s3_bucket.site", "attribute": "id"}]}

# The public access block ignores public ACLs: S3-017 reports the ACL, this rule does not.
test_acl_ignored_by_public_access_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"acl": "public-read"}), pab({"ignore_public_acls": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "public-read", "ignore_public_acls": true}}]}
}

# Blocking new public ACLs leaves one the bucket already has in force; an unknown switch may be off.
test_acl_with_block_but_not_ignore_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket({"acl": "public-read"}), pab({"block_public_acls": true, "ignore_public_acls": false})]}
	count(rule.deny) == 1 with input as {"resources": [bucket({"acl": "public-read"}), pab({"ignore_public_acls": {"$unknown": "var.ignore"}})]}
}

account_block(config) := {"address": "aws_s3_account_public_access_block.this", "type": "aws_s3_account_public_access_block", "name": "this", "config": config, "references": []}

# The account public access block applies to every bucket of the account: with ignore_public_acls
# on, S3 disregards the bucket's public ACL whatever the bucket's own block says.
test_acl_ignored_by_account_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"acl": "public-read"}), account_block({"ignore_public_acls": true})]}
	count(rule.deny) == 0 with input as {"resources": [bucket({"acl": "public-read"}), pab({"ignore_public_acls": false}), account_block({"ignore_public_acls": true})]}
	count(rule.deny) == 0 with input as {"resources": [account_block({"ignore_public_acls": true})], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"acl": "public-read"}}]}
}

test_account_block_without_ignore_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket({"acl": "public-read"}), account_block({"block_public_acls": true})]}
	count(rule.deny) == 1 with input as {"resources": [bucket({"acl": "public-read"}), account_block({"ignore_public_acls": {"$unknown": "var.ignore"}})]}
}

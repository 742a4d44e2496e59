package palisade.aws.s3.bucket_policy_public_test

import data.palisade.aws.s3.bucket_policy_public as rule

res(statement) := {"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_statement_fires if {
	rule.deny == {{
		"msg": "the policy of aws_s3_bucket_policy.this allows s3:GetObject to any principal",
		"resource": "aws_s3_bucket_policy.this", "path": ["policy"],
		"related": [{"resource": "aws_s3_bucket_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject"})]}
}

test_ip_condition_alone_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]}
}

test_named_or_scoped_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.p"}}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_s3_bucket_policy.this", "type": "aws_s3_bucket_policy", "name": "this", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

# The module's restrict_public_buckets defaults to false before 4.0 and to true since (session 24:
# an unpinned call gets the current major); attach_public_policy = false creates no block at all.
test_opaque_s3_bucket_module_fires if {
	call := {"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "version": "3.15.0", "config": {"policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}}}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call]}
	unpinned := object.remove(call, ["version"])
	count(rule.deny) == 0 with input as {"resources": [], "modules": [unpinned]}
	no_block := object.union(unpinned, {"config": {"attach_public_policy": false}})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [no_block]}
}

# Block Public Access (session 23): RestrictPublicBuckets, on the bucket or the account, keeps a
# public policy from granting anyone outside the account, stored or new. BlockPublicPolicy only makes
# PutBucketPolicy fail and "doesn't affect existing bucket policies" (S3 User Guide), and nothing
# orders the block before the policy; S3's April 2023 default applies only to buckets created since,
# and a bucket of the configuration may be older (review of session 23, R4).
bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"bucket": "data-bucket"}}

bucket_res(statement) := object.union(res(statement), {"config": {"bucket": "data-bucket", "policy": {"Version": "2012-10-17", "Statement": [statement]}}})

bpa(settings) := {
	"address": "aws_s3_bucket_public_access_block.b", "type": "aws_s3_bucket_public_access_block", "name": "b",
	"references": [], "config": object.union({"bucket": "data-bucket"}, settings),
}

open_statement := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}

test_bucket_of_the_configuration_without_public_access_block_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(open_statement)]}
	inline := object.union(bucket, {"config": {"bucket": "data-bucket", "policy": {"Statement": [open_statement]}}})
	count(rule.deny) == 1 with input as {"resources": [inline]}
}

test_block_public_policy_without_restrict_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(open_statement), bpa({"block_public_policy": true, "restrict_public_buckets": false})]}
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(open_statement), bpa({"block_public_policy": true})]}
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": {"block_public_policy": true}}
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(open_statement), account]}
}

test_block_that_restricts_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket, bucket_res(open_statement), bpa({"restrict_public_buckets": true})]}
	count(rule.deny) == 0 with input as {"resources": [bucket, bucket_res(open_statement), bpa({"restrict_public_buckets": {"$unknown": "var.r"}})]}
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": {"restrict_public_buckets": true}}
	count(rule.deny) == 0 with input as {"resources": [bucket_res(open_statement), account]}
}

test_block_turned_off_or_bucket_outside_the_configuration_fires if {
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(open_statement), bpa({"block_public_acls": true, "ignore_public_acls": true})]}
	count(rule.deny) == 1 with input as {"resources": [bucket_res(open_statement)]}
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": {"block_public_policy": false}}
	count(rule.deny) == 1 with input as {"resources": [bucket_res(open_statement), account]}
}

# S3 calls a policy non-public when a fixed aws:SourceIp (no broader than /8), aws:SourceVpc,
# s3:DataAccessPointArn, … limits it, and a block lets such a policy through; the pack still
# reports an IP-only scope, so the block does not withhold it. Nor an Allow with NotPrincipal,
# which the S3 User Guide's definition of public does not settle.
test_policy_s3_does_not_call_public_still_fires_under_a_restricting_block if {
	ip := object.union(open_statement, {"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})
	restricts := bpa({"restrict_public_buckets": true})
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(ip), restricts]}
	not_principal := {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject"}
	count(rule.deny) == 1 with input as {"resources": [bucket, bucket_res(not_principal), restricts]}
	mixed := [object.union(open_statement, {"Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}), open_statement]
	two := object.union(res(open_statement), {"config": {"bucket": "data-bucket", "policy": {"Statement": mixed}}})
	count(rule.deny) == 1 with input as {"resources": [bucket, two, restricts]}
}

test_module_call_that_restricts_public_policies_passes if {
	call := {"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"restrict_public_buckets": true, "policy": {"Statement": [open_statement]}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call]}
	blocks := {"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"block_public_policy": true, "restrict_public_buckets": false, "policy": {"Statement": [open_statement]}}}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [blocks]}
}

# A block whose bucket Palisade cannot resolve may be this bucket's: unknown is silent. A policy
# and a block naming one bucket by the same variable belong together.
test_unresolved_or_same_named_block_that_restricts_passes if {
	unresolved := object.union(bpa({"restrict_public_buckets": true}), {"config": {"bucket": {"$unknown": "var.other"}}})
	count(rule.deny) == 0 with input as {"resources": [bucket, bucket_res(open_statement), unresolved]}
	by_var := object.union(res(open_statement), {"config": {"bucket": {"$unknown": "var.name"}, "policy": {"Statement": [open_statement]}}})
	count(rule.deny) == 0 with input as {"resources": [by_var, unresolved]}
	off := object.union(unresolved, {"config": {"restrict_public_buckets": false}})
	count(rule.deny) == 1 with input as {"resources": [by_var, off]}
}

# A policy and a block that name one bucket outside the configuration by the same literal name
# are that bucket's: its RestrictPublicBuckets holds the policy back (session 24, R1: the lib's
# bucket_blocks said so and left the literal case out). Another name's block does not.
test_block_naming_the_same_literal_bucket_passes if {
	policy := object.union(res(open_statement), {"config": {"bucket": "existing-bucket", "policy": {"Statement": [open_statement]}}})
	same := object.union(bpa({"restrict_public_buckets": true}), {"config": {"bucket": "existing-bucket"}})
	count(rule.deny) == 0 with input as {"resources": [policy, same]}
	other := object.union(same, {"config": {"bucket": "other-bucket"}})
	count(rule.deny) == 1 with input as {"resources": [policy, other]}
}

package palisade.aws.s3.access_point_policy_public_test

import data.palisade.aws.s3.access_point_policy_public as rule

open_settings := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": false, "restrict_public_buckets": false}

public_doc := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}

access_point(extra) := {
	"address": "aws_s3_access_point.ap", "type": "aws_s3_access_point", "name": "ap", "references": [],
	"config": object.union({"bucket": "data-bucket", "name": "ap"}, extra),
}

ap_policy(doc) := {
	"address": "aws_s3control_access_point_policy.p", "type": "aws_s3control_access_point_policy", "name": "p",
	"references": [{"path": ["access_point_arn"], "target": "aws_s3_access_point.ap"}],
	"config": {"access_point_arn": {"$unknown": "aws_s3_access_point.ap.arn"}, "policy": doc},
}

test_inline_policy_with_settings_off_fires if {
	some f in rule.deny with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})]}
	f.resource == "aws_s3_access_point.ap"
	f.path == ["policy"]
	count(f.related) == 1
}

test_separate_policy_fires if {
	some f in rule.deny with input as {"resources": [access_point({"public_access_block_configuration": [open_settings]}), ap_policy(public_doc)]}
	f.resource == "aws_s3control_access_point_policy.p"
}

test_default_or_one_switch_on_passes if {
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc})]}
	restricted := object.union(open_settings, {"restrict_public_buckets": true})
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [restricted]})]}
	unset := object.remove(open_settings, ["block_public_policy"])
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [unset]})]}
}

test_vpc_origin_passes if {
	count(rule.deny) == 0 with input as {"resources": [access_point({
		"policy": public_doc, "public_access_block_configuration": [open_settings],
		"vpc_configuration": [{"vpc_id": "vpc-1"}],
	})]}
}

test_account_or_bucket_restricting_passes if {
	ap := access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})
	count(rule.deny) == 0 with input as {"resources": [ap, account({"restrict_public_buckets": true})]}
	count(rule.deny) == 0 with input as {"resources": [ap, bucket, bucket_block({"restrict_public_buckets": true})]}
	count(rule.deny) == 0 with input as {"resources": [ap, bucket, bucket_block({"restrict_public_buckets": {"$unknown": "var.r"}})]}
	count(rule.deny) == 1 with input as {"resources": [ap, bucket, bucket_block({"restrict_public_buckets": false})]}
}

# Session 24 (H3): the bucket's or the account's BlockPublicPolicy only makes S3 reject a public
# access point policy when it is put, and Terraform does not order the policy after the block; a
# stored policy stays in force, as for S3-009.
test_block_public_policy_on_bucket_or_account_alone_fires if {
	ap := access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})
	count(rule.deny) == 1 with input as {"resources": [ap, bucket, bucket_block({"block_public_policy": true})]}
	count(rule.deny) == 1 with input as {"resources": [ap, account({"block_public_policy": true})]}
}

# The access point's own settings are fixed at creation, before any policy can be put through it:
# its BlockPublicPolicy alone keeps a public policy out.
test_access_point_block_public_policy_alone_passes if {
	blocks := object.union(open_settings, {"block_public_policy": true})
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [blocks]})]}
}

# A statement S3 does not call public (a fixed aws:SourceIp) passes every block, the access
# point's defaults included, as S3-009 reports it on a bucket.
test_statement_s3_does_not_call_public_fires_under_defaults if {
	ip := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
	count(rule.deny) == 1 with input as {"resources": [access_point({"policy": ip})]}
}

# An access point on a bucket a terraform-aws-modules/s3-bucket call creates has the call's
# settings: restrict_public_buckets defaults to true from 4.0.
test_bucket_of_an_s3_bucket_module_call if {
	ap := access_point({"bucket": {"$unknown": "module.data.s3_bucket_id"}, "policy": public_doc, "public_access_block_configuration": [open_settings]})
	call := {"address": "module.data", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}
	count(rule.deny) == 0 with input as {"resources": [ap], "modules": [call]}
	count(rule.deny) == 1 with input as {"resources": [ap], "modules": [object.union(call, {"version": "3.15.0"})]}
	count(rule.deny) == 1 with input as {"resources": [ap], "modules": [object.union(call, {"config": {"restrict_public_buckets": false}})]}
}

test_scoped_or_unknown_passes if {
	scoped := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": scoped, "public_access_block_configuration": [open_settings]})]}
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": {"$unknown": "var.p"}, "public_access_block_configuration": [open_settings]})]}
	unknown_switch := object.union(open_settings, {"block_public_policy": {"$unknown": "var.b"}})
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [unknown_switch]})]}
}

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"bucket": "data-bucket"}}

bucket_block(settings) := {"address": "aws_s3_bucket_public_access_block.b", "type": "aws_s3_bucket_public_access_block", "name": "b", "references": [], "config": object.union({"bucket": "data-bucket"}, settings)}

account(settings) := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": settings}

# S3's April 2023 default (every setting on for new buckets) is not read: the bucket may be older
# or imported (session 24, H3; it withheld the finding before).
test_bucket_of_the_configuration_without_public_access_block_fires if {
	ap := access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})
	count(rule.deny) == 1 with input as {"resources": [ap, bucket]}
	count(rule.deny) == 1 with input as {"resources": [ap, bucket, account({})]}
}

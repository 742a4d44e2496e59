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

test_account_or_bucket_block_passes if {
	ap := access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": {"restrict_public_buckets": true}}
	count(rule.deny) == 0 with input as {"resources": [ap, account]}
	bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"bucket": "data-bucket"}}
	pab := {"address": "aws_s3_bucket_public_access_block.b", "type": "aws_s3_bucket_public_access_block", "name": "b", "references": [], "config": {"bucket": "data-bucket", "block_public_policy": true}}
	count(rule.deny) == 0 with input as {"resources": [ap, bucket, pab]}
	open_pab := object.union(pab, {"config": {"bucket": "data-bucket", "block_public_policy": false}})
	count(rule.deny) == 1 with input as {"resources": [ap, bucket, open_pab]}
}

test_scoped_or_unknown_passes if {
	scoped := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": scoped, "public_access_block_configuration": [open_settings]})]}
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": {"$unknown": "var.p"}, "public_access_block_configuration": [open_settings]})]}
	unknown_switch := object.union(open_settings, {"block_public_policy": {"$unknown": "var.b"}})
	count(rule.deny) == 0 with input as {"resources": [access_point({"policy": public_doc, "public_access_block_configuration": [unknown_switch]})]}
}

# S3 has turned every block public access setting on for new buckets since April 2023, and a request
# through an access point is also checked against the bucket's settings: a bucket of the
# configuration without an aws_s3_bucket_public_access_block restricts the open policy.
test_bucket_of_the_configuration_without_public_access_block_passes if {
	ap := access_point({"policy": public_doc, "public_access_block_configuration": [open_settings]})
	bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "references": [], "config": {"bucket": "data-bucket"}}
	count(rule.deny) == 0 with input as {"resources": [ap, bucket]}
	account := {"address": "aws_s3_account_public_access_block.a", "type": "aws_s3_account_public_access_block", "name": "a", "references": [], "config": {}}
	count(rule.deny) == 0 with input as {"resources": [ap, bucket, account]}
}

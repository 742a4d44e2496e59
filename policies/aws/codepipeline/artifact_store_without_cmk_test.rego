package palisade.aws.codepipeline.artifact_store_without_cmk_test

import data.palisade.aws.codepipeline.artifact_store_without_cmk as rule

pipeline(config) := {"address": "aws_codepipeline.this", "type": "aws_codepipeline", "name": "this", "config": config, "references": []}

role := "arn:aws:iam::123456789012:role/pipeline"

msg := "aws_codepipeline.this encrypts its artifacts with the AWS managed key, not a customer managed KMS key"

test_store_without_key_fires_with_a_new_key if {
	some f in rule.deny with input as {"resources": [pipeline({"role_arn": role, "artifact_store": [{"location": "bucket", "type": "S3"}]})]}
	f.msg == msg
	f.path == ["artifact_store", 0, "encryption_key"]
	some block in f.fix
	block.op == "add_block"
	block.path == ["artifact_store", 0]
	block.config == {"id": {"$expr": "aws_kms_key.this.arn"}, "type": "KMS"}
	some key in f.fix
	key.op == "add_resource"
	key.type == "aws_kms_key"
	some document in f.fix
	document.op == "add_data"
	document.type == "aws_iam_policy_document"
	some st in document.config.statement
	st.sid == "PipelineRoleUsesKey"
	st.principals == [{"type": "AWS", "identifiers": [role]}]
}

test_aws_managed_alias_fires if {
	some f in rule.deny with input as {"resources": [pipeline({"role_arn": role, "artifact_store": [{"location": "bucket", "type": "S3", "encryption_key": [{"id": "alias/aws/s3", "type": "KMS"}]}]})]}
	f.path == ["artifact_store", 0, "encryption_key", 0, "id"]
	some op in f.fix
	op == {"op": "set", "path": ["artifact_store", 0, "encryption_key", 0, "id"], "value": {"$expr": "aws_kms_key.this.arn"}}
}

test_multi_region_pipeline_gets_no_fix if {
	stores := [
		{"location": "a", "type": "S3", "region": "us-east-1"},
		{"location": "b", "type": "S3", "region": "eu-west-1", "encryption_key": [{"id": "arn:aws:kms:eu-west-1:123456789012:key/abc", "type": "KMS"}]},
	]
	rule.deny == {{
		"msg": sprintf("%s (no fix: a multi-Region pipeline needs a key in each Region)", [msg]),
		"resource": "aws_codepipeline.this", "path": ["artifact_store", 0, "encryption_key"],
	}} with input as {"resources": [pipeline({"role_arn": role, "artifact_store": stores})]}
}

test_role_by_name_gets_no_fix if {
	some f in rule.deny with input as {"resources": [pipeline({"role_arn": {"$unknown": "each.value.role_arn"}, "artifact_store": [{"location": "bucket", "type": "S3"}]})]}
	not f.fix
	contains(f.msg, "role_arn names no role ARN")
}

test_customer_managed_key_passes if {
	count(rule.deny) == 0 with input as {"resources": [pipeline({"role_arn": role, "artifact_store": [{"location": "bucket", "type": "S3", "encryption_key": [{"id": {"$unknown": "aws_kms_key.artifacts.arn"}, "type": "KMS"}]}]})]}
	count(rule.deny) == 0 with input as {"resources": [pipeline({"role_arn": role, "artifact_store": [{"location": "bucket", "type": "S3", "encryption_key": [{"id": "arn:aws:kms:us-east-1:123456789012:key/abc", "type": "KMS"}]}]})]}
}

test_unknown_blocks_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [pipeline({"role_arn": role, "artifact_store": [{"location": "bucket", "type": "S3", "encryption_key": {"$unknown": "var.key"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [pipeline({"role_arn": role, "artifact_store": {"$unknown": "var.stores"}})]}
}

package palisade.aws.codebuild.project_without_cmk_test

import data.palisade.aws.codebuild.project_without_cmk as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_codebuild_project.build encrypts its artifacts with the AWS managed key, not a customer managed KMS key", "resource": "aws_codebuild_project.build", "path": ["encryption_key"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_codebuild_project.build", "enable_key_rotation": true}, "name": "build", "op": "add_resource", "type": "aws_kms_key"}, {"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}}]}} with input as {"resources": [{"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": {"name": "build"}, "references": []}]}
}

test_fires_on_managed_alias if {
	findings := rule.deny with input as {"resources": [{"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": {"encryption_key": "alias/aws/s3"}, "references": []}]}
	[[f.msg, f.resource, f.path] | some f in findings] == [["aws_codebuild_project.build encrypts its artifacts with the AWS managed key, not a customer managed KMS key", "aws_codebuild_project.build", ["encryption_key"]]]
	some f in findings
	[op.op | some op in f.fix] == ["add_resource", "set"]
	f.fix[1] == {"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}}
}

# Through a data source that finds the AWS managed key: the fix replaces exactly that reference.
test_fix_replaces_a_managed_key_data_source if {
	project := {
		"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build",
		"config": {"encryption_key": {"$unknown": "data.aws_kms_key.managed.arn"}},
		"references": [{"path": ["encryption_key"], "target": "data.aws_kms_key.managed"}],
	}
	key := {"address": "data.aws_kms_key.managed", "type": "aws_kms_key", "name": "managed", "config": {"key_id": "alias/aws/s3"}, "references": []}
	findings := rule.deny with input as {"resources": [project], "data": [key]}
	some f in findings
	f.fix[1] == {"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}, "replaces": "data.aws_kms_key.managed.arn"}
}

test_passes_with_cmk if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": {"encryption_key": "arn:aws:kms:us-east-1:123456789012:key/abc"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": {"encryption_key": {"$unknown": "aws_kms_key.build.arn"}}, "references": [{"path": ["encryption_key"], "target": "aws_kms_key.build"}]}]}
}

# encryption_key = "" is never sent, so CodeBuild uses the AWS managed key, as when it is unset.
test_empty_key_fires if {
	some f in rule.deny with input as {"resources": [{"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": {"name": "build", "encryption_key": ""}, "references": []}]}
	f.path == ["encryption_key"]
}

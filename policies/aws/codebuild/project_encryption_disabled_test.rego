package palisade.aws.codebuild.project_encryption_disabled_test

import data.palisade.aws.codebuild.project_encryption_disabled as rule

project(config) := {"resources": [{
	"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "references": [],
	"config": object.union({"name": "build"}, config),
}]}

test_artifacts_encryption_disabled if {
	rule.deny == {{
		"msg": "aws_codebuild_project.build stores its build artifacts unencrypted",
		"resource": "aws_codebuild_project.build", "path": ["artifacts", 0, "encryption_disabled"],
		"fix": [{"op": "set", "path": ["artifacts", 0, "encryption_disabled"], "value": false}],
		"peers": [{"checkov": ["CKV_AWS_78"], "trivy": ["AVD-AWS-0018"]}],
	}} with input as project({"artifacts": [{"type": "S3", "location": "bucket", "encryption_disabled": true}]})
	some f in rule.deny with input as project({"artifacts": [{"type": "NO_ARTIFACTS"}], "secondary_artifacts": [{"type": "S3", "artifact_identifier": "a", "encryption_disabled": "true"}]})
	f.path == ["secondary_artifacts", 0, "encryption_disabled"]
	count(rule.deny) == 1 with input as project({"artifacts": [{"type": {"$unknown": "var.type"}, "encryption_disabled": true}]})
}

test_artifacts_pass if {
	count(rule.deny) == 0 with input as project({"artifacts": [{"type": "S3", "location": "bucket"}]})
	count(rule.deny) == 0 with input as project({"artifacts": [{"type": "S3", "encryption_disabled": false}]})
	count(rule.deny) == 0 with input as project({"artifacts": [{"type": "NO_ARTIFACTS", "encryption_disabled": true}]})
	count(rule.deny) == 0 with input as project({"artifacts": [{"type": "CODEPIPELINE", "encryption_disabled": true}]})
	count(rule.deny) == 0 with input as project({"artifacts": [{"type": "S3", "encryption_disabled": {"$unknown": "var.off"}}]})
}

test_s3_logs_encryption_disabled if {
	some f in rule.deny with input as project({"logs_config": [{"s3_logs": [{"status": "ENABLED", "location": "b/logs", "encryption_disabled": true}]}]})
	f.msg == "aws_codebuild_project.build stores its build logs in S3 unencrypted"
	f.path == ["logs_config", 0, "s3_logs", 0, "encryption_disabled"]
}

test_s3_logs_pass if {
	count(rule.deny) == 0 with input as project({"logs_config": [{"s3_logs": [{"status": "DISABLED", "encryption_disabled": true}]}]})
	count(rule.deny) == 0 with input as project({"logs_config": [{"s3_logs": [{"encryption_disabled": true}]}]})
	count(rule.deny) == 0 with input as project({"logs_config": [{"s3_logs": [{"status": "ENABLED", "location": "b/logs"}]}]})
}

# Checkov's CKV_AWS_78 reads artifacts[0] only and CKV_AWS_311 the S3 logs; Trivy's AVD-AWS-0018 reads
# the artifacts and secondary artifacts: each part names only its own.
test_peer_ids_per_part if {
	some secondary in rule.deny with input as project({"artifacts": [{"type": "NO_ARTIFACTS"}], "secondary_artifacts": [{"type": "S3", "artifact_identifier": "a", "encryption_disabled": true}]})
	secondary.peers == [{"trivy": ["AVD-AWS-0018"]}]
	some logs in rule.deny with input as project({"artifacts": [{"type": "NO_ARTIFACTS"}], "logs_config": [{"s3_logs": [{"status": "ENABLED", "location": "b/l", "encryption_disabled": true}]}]})
	logs.peers == [{"checkov": ["CKV_AWS_311"]}]
}

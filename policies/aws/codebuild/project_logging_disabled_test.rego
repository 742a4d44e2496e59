package palisade.aws.codebuild.project_logging_disabled_test

import data.palisade.aws.codebuild.project_logging_disabled as rule

project(logs) := {"resources": [{"address": "aws_codebuild_project.p", "type": "aws_codebuild_project", "name": "p", "config": {"name": "p", "logs_config": [logs]}, "references": []}]}

test_cloudwatch_disabled_without_s3 if {
	rule.deny == {{"msg": "aws_codebuild_project.p keeps no build logs (CloudWatch logs disabled, S3 logs not enabled)", "resource": "aws_codebuild_project.p", "path": ["logs_config", 0, "cloudwatch_logs", 0, "status"], "fix": [{"op": "set", "path": ["logs_config", 0, "cloudwatch_logs", 0, "status"], "value": "ENABLED"}]}} with input as project({"cloudwatch_logs": [{"status": "DISABLED"}]})
}

test_both_disabled if {
	count(rule.deny) == 1 with input as project({"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": "DISABLED"}]})
}

test_s3_logs_enabled_pass if {
	count(rule.deny) == 0 with input as project({"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": "ENABLED", "location": "b/logs"}]})
}

test_cloudwatch_default_pass if {
	count(rule.deny) == 0 with input as project({"cloudwatch_logs": [{"group_name": "g"}]})
	count(rule.deny) == 0 with input as project({"s3_logs": [{"status": "DISABLED"}]})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as project({"cloudwatch_logs": [{"status": {"$unknown": "var.s"}}]})
	count(rule.deny) == 0 with input as project({"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": [{"status": {"$unknown": "var.s"}}]})
	count(rule.deny) == 0 with input as project({"cloudwatch_logs": [{"status": "DISABLED"}], "s3_logs": {"$unknown": "var.s3"}})
}

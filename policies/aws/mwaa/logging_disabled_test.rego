package palisade.aws.mwaa.logging_disabled_test

import data.palisade.aws.mwaa.logging_disabled as rule

env(config) := {"address": "aws_mwaa_environment.this", "type": "aws_mwaa_environment", "name": "this", "config": config, "references": []}

on := [{"enabled": true, "log_level": "INFO"}]

test_no_block_fires_with_the_whole_block_as_fix if {
	rule.deny == {{
		"msg": "aws_mwaa_environment.this does not send scheduler_logs, webserver_logs, worker_logs to CloudWatch Logs",
		"resource": "aws_mwaa_environment.this", "path": ["logging_configuration"],
		"fix": [{"op": "add_block", "path": [], "type": "logging_configuration", "config": {"scheduler_logs": on, "task_logs": on, "webserver_logs": on, "worker_logs": on}}],
		"peers": [{"checkov": ["CKV_AWS_242"]}, {"checkov": ["CKV_AWS_244"]}, {"checkov": ["CKV_AWS_243"]}],
	}} with input as {"resources": [env({})]}
}

test_missing_and_disabled_types_fire if {
	findings := rule.deny with input as {"resources": [env({"logging_configuration": [{
		"scheduler_logs": [{"enabled": true}],
		"task_logs": [{"enabled": false, "log_level": "INFO"}],
		"worker_logs": [{"enabled": "false"}],
	}]})]}
	findings == {
		{
			"msg": "aws_mwaa_environment.this does not send webserver_logs to CloudWatch Logs",
			"resource": "aws_mwaa_environment.this", "path": ["logging_configuration", 0],
			"fix": [{"op": "set", "path": ["logging_configuration", 0, "webserver_logs", 0, "enabled"], "value": true}],
			"peers": [{"checkov": ["CKV_AWS_244"]}],
		},
		{
			"msg": "aws_mwaa_environment.this does not send worker_logs to CloudWatch Logs",
			"resource": "aws_mwaa_environment.this", "path": ["logging_configuration", 0, "worker_logs", 0, "enabled"],
			"fix": [{"op": "set", "path": ["logging_configuration", 0, "worker_logs", 0, "enabled"], "value": true}],
			"peers": [{"checkov": ["CKV_AWS_243"]}],
		},
		{
			"msg": "aws_mwaa_environment.this does not send task_logs to CloudWatch Logs",
			"resource": "aws_mwaa_environment.this", "path": ["logging_configuration", 0, "task_logs", 0, "enabled"],
			"fix": [{"op": "set", "path": ["logging_configuration", 0, "task_logs", 0, "enabled"], "value": true}],
			"peers": [{}],
		},
	}
}

# Two types left out share the block's path: one finding names both, and its fix adds both.
test_several_missing_types_are_one_finding if {
	rule.deny == {{
		"msg": "aws_mwaa_environment.this does not send webserver_logs, worker_logs to CloudWatch Logs",
		"resource": "aws_mwaa_environment.this", "path": ["logging_configuration", 0],
		"fix": [
			{"op": "set", "path": ["logging_configuration", 0, "webserver_logs", 0, "enabled"], "value": true},
			{"op": "set", "path": ["logging_configuration", 0, "worker_logs", 0, "enabled"], "value": true},
		],
		"peers": [{"checkov": ["CKV_AWS_244"]}, {"checkov": ["CKV_AWS_243"]}],
	}} with input as {"resources": [env({"logging_configuration": [{"dag_processing_logs": on, "scheduler_logs": on}]})]}
}

test_all_on_passes if {
	count(rule.deny) == 0 with input as {"resources": [env({"logging_configuration": [{"scheduler_logs": on, "webserver_logs": on, "worker_logs": on}]})]}
}

test_unknowns_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [env({"logging_configuration": {"$unknown": "var.logging"}})]}
	count(rule.deny) == 0 with input as {"resources": [env({"logging_configuration": [{
		"scheduler_logs": [{"enabled": {"$unknown": "var.logging.scheduler_logs.enabled"}}],
		"webserver_logs": {"$unknown": "var.webserver_logs"},
		"worker_logs": on,
	}]})]}
}

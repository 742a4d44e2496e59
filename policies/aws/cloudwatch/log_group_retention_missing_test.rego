package palisade.aws.cloudwatch.log_group_retention_missing_test

import data.palisade.aws.cloudwatch.log_group_retention_missing as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_cloudwatch_log_group.app keeps its logs forever (no retention period)", "resource": "aws_cloudwatch_log_group.app", "path": ["retention_in_days"], "fix": [{"op": "set", "path": ["retention_in_days"], "value": 365}]}} with input as {"resources": [{"address": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "name": "app", "config": {"name": "app"}, "references": []}]}
}

test_fires_on_zero if {
	rule.deny == {{"msg": "aws_cloudwatch_log_group.app keeps its logs forever (no retention period)", "resource": "aws_cloudwatch_log_group.app", "path": ["retention_in_days"], "fix": [{"op": "set", "path": ["retention_in_days"], "value": 365}]}} with input as {"resources": [{"address": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "name": "app", "config": {"retention_in_days": 0}, "references": []}]}
}

test_passes_with_period if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "name": "app", "config": {"retention_in_days": 365}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.app", "type": "aws_cloudwatch_log_group", "name": "app", "config": {"retention_in_days": {"$unknown": "var.x"}}, "references": []}]}
}

lg(config) := {"address": "module.logs", "source": "terraform-aws-modules/cloudwatch/aws//modules/log-group", "config": config}

fn(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": config}

test_opaque_log_group_and_lambda_calls_without_retention_fire if {
	rule.deny == {
		{
			"msg": "module.logs keeps its logs forever (no retention period)", "resource": "module.logs", "path": ["retention_in_days"],
			"fix": [{"op": "set", "path": ["retention_in_days"], "value": 365}],
		},
		{
			"msg": "the log group of module.fn keeps its logs forever (no retention period)", "resource": "module.fn", "path": ["cloudwatch_logs_retention_in_days"],
			"fix": [{"op": "set", "path": ["cloudwatch_logs_retention_in_days"], "value": 365}],
		},
	} with input as {"resources": [], "modules": [lg({"name": "app"}), fn({"function_name": "api"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [lg({"retention_in_days": 0})]}
}

test_opaque_calls_with_retention_existing_group_or_switched_off_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [lg({"retention_in_days": 30}), fn({"cloudwatch_logs_retention_in_days": 90})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [fn({"use_existing_cloudwatch_log_group": true}), fn({"create_function": false}), lg({"create": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.cw", "source": "terraform-aws-modules/cloudwatch/aws", "config": {}}]}
}

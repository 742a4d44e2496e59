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

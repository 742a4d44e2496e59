package palisade.aws.cloudwatch.cmk_deletion_alarm_missing_test

import data.palisade.aws.cloudwatch.cmk_deletion_alarm_missing as rule

test_fires_on_incomplete_pattern if {
	rule.deny == {{"msg": "No metric filter with an alarm watches CloudTrail for customer managed keys disabled or scheduled for deletion (CIS 4.7)", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "fix": [{"op": "set", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "value": "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"}]}} with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = ScheduleKeyDeletion)) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_fires_without_alarm_on_the_filter if {
	findings := rule.deny with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": "other"}, "references": []}]}
	[[f.msg, f.resource] | some f in findings] == [["No metric filter with an alarm watches CloudTrail for customer managed keys disabled or scheduled for deletion (CIS 4.7)", "aws_cloudwatch_log_metric_filter.cis"]]
}

test_fires_when_source_is_ored if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventSource = kms.amazonaws.com) || (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_passes_with_filter_and_alarm if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_unknown_pattern_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": {"$unknown": "var.pattern"}, "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_quiet_outside_cloudtrail_monitoring if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "ERROR", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": "other"}, "references": []}]}
}

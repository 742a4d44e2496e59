package palisade.aws.cloudwatch.console_auth_failures_alarm_missing_test

import data.palisade.aws.cloudwatch.console_auth_failures_alarm_missing as rule

test_fires_when_ored if {
	rule.deny == {{"msg": "No metric filter with an alarm watches CloudTrail for console authentication failures (CIS 4.6)", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "fix": [{"op": "set", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "value": "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"}]}} with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = ConsoleLogin) || ($.errorMessage = \"Failed authentication\") }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

# A filter on the second condition alone reads no CloudTrail event field the module could be
# judged by (application logs use $.errorMessage too), so the module is not CloudTrail monitoring.
test_second_condition_alone_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.errorMessage = \"Failed authentication\") }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_fires_in_a_module_watching_other_events if {
	findings := rule.deny with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = CreateNetworkAcl) || ($.eventName = DeleteNetworkAcl) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
	[[f.msg, f.path] | some f in findings] == [["No metric filter with an alarm watches CloudTrail for console authentication failures (CIS 4.6)", []]]
}

test_passes_with_filter_and_alarm if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_unknown_pattern_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": {"$unknown": "var.pattern"}, "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_quiet_outside_cloudtrail_monitoring if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "ERROR", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": "other"}, "references": []}]}
}

package palisade.aws.cloudwatch.route_table_changes_alarm_missing_test

import data.palisade.aws.cloudwatch.route_table_changes_alarm_missing as rule

test_fires_on_incomplete_pattern if {
	rule.deny == {{"msg": "No metric filter with an alarm watches CloudTrail for route table changes (CIS 4.13)", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": [], "fix": [{"op": "set", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "value": "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }"}]}} with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_fires_without_alarm_on_the_filter if {
	findings := rule.deny with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": "other"}, "references": []}]}
	[[f.msg, f.resource] | some f in findings] == [["No metric filter with an alarm watches CloudTrail for route table changes (CIS 4.13)", "aws_cloudwatch_log_metric_filter.cis"]]
	some f in findings
	[[op.op, op.type, op.resource] | some op in f.fix] == [["add_resource", "aws_cloudwatch_metric_alarm", "aws_cloudwatch_log_metric_filter.cis"]]
	f.fix[0].config.metric_name == {"$expr": "aws_cloudwatch_log_metric_filter.cis.metric_transformation[0].name"}
}

test_passes_with_filter_and_alarm if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_passes_with_alarm_by_metric_name if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "metric_name": "cis"}, "references": []}]}
}

test_unknown_pattern_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": {"$unknown": "var.pattern"}, "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}]}
}

test_quiet_outside_cloudtrail_monitoring if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": "ERROR", "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}, {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": "other"}, "references": []}]}
}

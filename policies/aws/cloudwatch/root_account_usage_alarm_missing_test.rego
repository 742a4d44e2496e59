package palisade.aws.cloudwatch.root_account_usage_alarm_missing_test

import data.palisade.aws.cloudwatch.root_account_usage_alarm_missing as rule

msg := "No metric filter with an alarm watches CloudTrail for root account usage (CIS 4.3)"

cis := "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"

filter(pattern) := {"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis", "config": {"name": "cis", "pattern": pattern, "log_group_name": "trail", "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]}, "references": []}

alarm := {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"alarm_actions": [{"$unknown": "aws_sns_topic.alerts.arn"}], "alarm_name": "cis", "metric_name": {"$unknown": "aws_cloudwatch_log_metric_filter.cis.id"}}, "references": [{"path": ["metric_name"], "target": "aws_cloudwatch_log_metric_filter.cis"}]}

test_passes_with_cis_pattern_and_alarm if {
	count(rule.deny) == 0 with input as {"resources": [filter(cis), alarm]}
}

# The same pattern written with parentheses, as AWS's CloudTrail alarm examples do.
test_passes_with_parenthesised_pattern if {
	count(rule.deny) == 0 with input as {"resources": [filter("{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }"), alarm]}
}

# Without the exclusions the filter counts every root event and some more: still watched.
test_passes_without_narrowing if {
	count(rule.deny) == 0 with input as {"resources": [filter("{ $.userIdentity.type = \"Root\" }"), alarm]}
	count(rule.deny) == 0 with input as {"resources": [filter("{ $.userIdentity.type = \"Root\" && $.eventType != \"AwsServiceEvent\" }"), alarm]}
}

# ORed with another event type, the metric counts nearly every call: the pattern is completed.
test_fires_on_root_ored_with_other_events if {
	rule.deny == {{"msg": msg, "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "fix": [{"op": "set", "resource": "aws_cloudwatch_log_metric_filter.cis", "path": ["pattern"], "value": cis}]}} with input as {"resources": [filter("{ $.userIdentity.type = \"Root\" || $.eventType != \"AwsServiceEvent\" }"), alarm]}
}

# Narrowed to console sign-ins, root API calls with access keys go unseen; the filter keeps its
# pattern (it watches something else) and a new pair is proposed.
test_fires_on_root_narrowed_to_one_event if {
	findings := rule.deny with input as {"resources": [filter("{ $.userIdentity.type = \"Root\" && $.eventName = \"ConsoleLogin\" }"), alarm]}
	[[f.msg, f.resource, f.path] | some f in findings] == [[msg, "aws_cloudwatch_log_metric_filter.cis", ["pattern"]]]
	some f in findings
	[op.op | some op in f.fix] == ["add_resource", "add_resource"]
}

# A CloudTrail filter without the root test (KICS's positive 2): module-level finding.
test_fires_without_root_term if {
	findings := rule.deny with input as {"resources": [filter("{ $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"), alarm]}
	[[f.msg, f.resource, f.path] | some f in findings] == [[msg, "aws_cloudwatch_log_metric_filter.cis", []]]
}

test_fires_when_the_root_filter_has_no_alarm if {
	other_alarm := json.patch(alarm, [{"op": "replace", "path": "/config/metric_name", "value": "other"}, {"op": "replace", "path": "/references", "value": []}])
	findings := rule.deny with input as {"resources": [filter(cis), other_alarm]}
	[[f.msg, f.resource] | some f in findings] == [[msg, "aws_cloudwatch_log_metric_filter.cis"]]
	some f in findings
	[op.type | some op in f.fix] == ["aws_cloudwatch_metric_alarm"]
}

test_unknown_pattern_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [filter({"$unknown": "var.pattern"}), alarm]}
}

test_quiet_outside_cloudtrail_monitoring if {
	count(rule.deny) == 0 with input as {"resources": [filter("ERROR"), alarm]}
	count(rule.deny) == 0 with input as {"resources": [filter("{ $.eventType = \"click\" }"), alarm]}
}

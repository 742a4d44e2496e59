package palisade.aws.waf.rule_metrics_disabled_test

import data.palisade.aws.waf.rule_metrics_disabled as rule

vis(on) := [{"cloudwatch_metrics_enabled": on, "metric_name": "m", "sampled_requests_enabled": true}]

acl(config) := {"resources": [{"address": "aws_wafv2_web_acl.main", "type": "aws_wafv2_web_acl", "name": "main", "config": config, "references": []}]}

group(config) := {"resources": [{"address": "aws_wafv2_rule_group.main", "type": "aws_wafv2_rule_group", "name": "main", "config": config, "references": []}]}

test_fires_on_web_acl if {
	rule.deny == {{"msg": "aws_wafv2_web_acl.main does not send its web ACL metrics to CloudWatch (cloudwatch_metrics_enabled = false)", "resource": "aws_wafv2_web_acl.main", "path": ["visibility_config", 0, "cloudwatch_metrics_enabled"], "fix": [{"op": "set", "path": ["visibility_config", 0, "cloudwatch_metrics_enabled"], "value": true}]}} with input as acl({"name": "main", "scope": "REGIONAL", "visibility_config": vis(false)})
}

test_fires_on_rule if {
	rule.deny == {{"msg": "aws_wafv2_rule_group.main does not send rule rate-limit's metrics to CloudWatch (cloudwatch_metrics_enabled = false)", "resource": "aws_wafv2_rule_group.main", "path": ["rule", 1, "visibility_config", 0, "cloudwatch_metrics_enabled"], "fix": [{"op": "set", "path": ["rule", 1, "visibility_config", 0, "cloudwatch_metrics_enabled"], "value": true}]}} with input as group({"name": "main", "visibility_config": vis(true), "rule": [{"name": "geo", "visibility_config": vis(true)}, {"name": "rate-limit", "visibility_config": vis("false")}]})
}

test_passes if {
	count(rule.deny) == 0 with input as acl({"name": "main", "visibility_config": vis(true), "rule": [{"name": "a", "visibility_config": vis(true)}]})
	count(rule.deny) == 0 with input as group({"name": "main", "visibility_config": vis("true")})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as acl({"name": "main", "visibility_config": vis({"$unknown": "var.metrics"})})
	count(rule.deny) == 0 with input as acl({"name": "main", "visibility_config": vis(true), "rule": {"$unknown": "var.rules"}})
	count(rule.deny) == 0 with input as acl({"name": "main", "visibility_config": vis(true), "rule": [{"name": "a", "visibility_config": {"$unknown": "each.value.visibility"}}]})
}

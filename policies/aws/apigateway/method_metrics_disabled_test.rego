package palisade.aws.apigateway.method_metrics_disabled_test

import data.palisade.aws.apigateway.method_metrics_disabled as rule

test_fires_on_false if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all does not enable CloudWatch metrics", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "metrics_enabled"], "fix": [{"op": "set", "path": ["settings", 0, "metrics_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"metrics_enabled": false}]}, "references": []}]}
}

test_fires_when_unset if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all does not enable CloudWatch metrics", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "metrics_enabled"], "fix": [{"op": "set", "path": ["settings", 0, "metrics_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"logging_level": "INFO"}]}, "references": []}]}
}

test_passes_on_true if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"metrics_enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"metrics_enabled": {"$unknown": "var.x"}}]}, "references": []}]}
}

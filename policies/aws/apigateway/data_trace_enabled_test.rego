package palisade.aws.apigateway.data_trace_enabled_test

import data.palisade.aws.apigateway.data_trace_enabled as rule

settings(s) := {"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"method_path": "*/*", "settings": [s]}, "references": []}

stage(config) := {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": config, "references": []}

test_method_settings_with_data_trace_fire if {
	rule.deny == {{
		"msg": "aws_api_gateway_method_settings.all logs full request and response bodies (data_trace_enabled = true)",
		"resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "data_trace_enabled"],
		"fix": [{"op": "set", "path": ["settings", 0, "data_trace_enabled"], "value": false}],
	}} with input as {"resources": [settings({"logging_level": "INFO", "data_trace_enabled": true})]}
	count(rule.deny) == 1 with input as {"resources": [settings({"data_trace_enabled": "true"})]}
}

test_websocket_stage_route_settings_fire if {
	some f in rule.deny with input as {"resources": [stage({"default_route_settings": [{"data_trace_enabled": true, "logging_level": "INFO"}]})]}
	f.path == ["default_route_settings", 0, "data_trace_enabled"]
	some g in rule.deny with input as {"resources": [stage({"route_settings": [{"route_key": "$connect"}, {"route_key": "send", "data_trace_enabled": true}]})]}
	g.path == ["route_settings", 1, "data_trace_enabled"]
}

test_off_omitted_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [settings({"logging_level": "INFO", "data_trace_enabled": false})]}
	count(rule.deny) == 0 with input as {"resources": [settings({"logging_level": "INFO"})]}
	count(rule.deny) == 0 with input as {"resources": [settings({"data_trace_enabled": {"$unknown": "var.trace"}})]}
	count(rule.deny) == 0 with input as {"resources": [stage({"default_route_settings": [{"logging_level": "ERROR"}]})]}
	count(rule.deny) == 0 with input as {"resources": [stage({})]}
}

package palisade.aws.apigateway.execution_logging_disabled_test

import data.palisade.aws.apigateway.execution_logging_disabled as rule

test_fires_on_off if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all does not turn on execution logging", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "logging_level"], "fix": [{"op": "set", "path": ["settings", 0, "logging_level"], "value": "ERROR"}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"logging_level": "OFF"}]}, "references": []}]}
}

test_fires_when_level_unset if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all does not turn on execution logging", "resource": "aws_api_gateway_method_settings.all", "path": ["settings", 0, "logging_level"], "fix": [{"op": "set", "path": ["settings", 0, "logging_level"], "value": "ERROR"}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"metrics_enabled": true}]}, "references": []}]}
}

test_fires_without_settings if {
	rule.deny == {{"msg": "aws_api_gateway_method_settings.all does not turn on execution logging", "resource": "aws_api_gateway_method_settings.all", "path": ["settings"], "fix": [{"op": "add_block", "path": [], "type": "settings", "config": {"logging_level": "ERROR"}}]}} with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"method_path": "*/*"}, "references": []}]}
}

test_fires_on_stage_without_method_settings if {
	rule.deny == {{"msg": "aws_api_gateway_stage.prod has no method settings, so execution logging is off", "resource": "aws_api_gateway_stage.prod", "path": [], "fix": [{"op": "add_resource", "type": "aws_api_gateway_method_settings", "name": "prod", "config": {
		"rest_api_id": {"$expr": "aws_api_gateway_stage.prod.rest_api_id"}, "stage_name": {"$expr": "aws_api_gateway_stage.prod.stage_name"},
		"method_path": "*/*", "settings": [{"logging_level": "ERROR", "metrics_enabled": true}],
	}}]}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod"}, "references": []}]}
}

test_fires_on_websocket_stage if {
	rule.deny == {{"msg": "aws_apigatewayv2_stage.ws does not turn on execution logging", "resource": "aws_apigatewayv2_stage.ws", "path": ["default_route_settings", 0, "logging_level"], "fix": [{"op": "set", "path": ["default_route_settings", 0, "logging_level"], "value": "ERROR"}]}} with input as {"resources": [{"address": "aws_apigatewayv2_stage.ws", "type": "aws_apigatewayv2_stage", "name": "ws", "config": {"default_route_settings": [{"logging_level": "OFF"}]}, "references": []}]}
}

test_passes_with_logging if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"stage_name": {"$unknown": "aws_api_gateway_stage.prod.stage_name"}, "settings": [{"logging_level": "ERROR"}]}, "references": [{"path": ["stage_name"], "target": "aws_api_gateway_stage.prod"}]}]}
}

test_skips_http_api_stage if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_apigatewayv2_api.http", "type": "aws_apigatewayv2_api", "name": "http", "config": {"protocol_type": "HTTP"}, "references": []}, {"address": "aws_apigatewayv2_stage.ws", "type": "aws_apigatewayv2_stage", "name": "ws", "config": {"api_id": {"$unknown": "aws_apigatewayv2_api.http.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.http"}]}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"settings": [{"logging_level": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_stage_in_a_module_gets_no_fix if {
	rule.deny == {{"msg": "module.api.aws_api_gateway_stage.prod has no method settings, so execution logging is off", "resource": "module.api.aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [{"address": "module.api.aws_api_gateway_stage.prod", "module": "module.api", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod"}, "references": []}]}
}

deployment := {"address": "aws_api_gateway_deployment.v1", "type": "aws_api_gateway_deployment", "name": "v1", "config": {"stage_name": "v1", "rest_api_id": "abc123"}, "references": []}

test_fires_on_deployment_created_stage_without_method_settings if {
	findings := rule.deny with input as {"resources": [deployment]}
	[[f.msg, f.resource, f.path] | some f in findings] == [["aws_api_gateway_deployment.v1 creates the stage v1 with no method settings, so execution logging is off", "aws_api_gateway_deployment.v1", ["stage_name"]]]
	some f in findings
	f.fix == [{"op": "add_resource", "type": "aws_api_gateway_method_settings", "name": "v1", "config": {"rest_api_id": {"$expr": "aws_api_gateway_deployment.v1.rest_api_id"}, "stage_name": {"$expr": "aws_api_gateway_deployment.v1.stage_name"}, "method_path": "*/*", "settings": [{"logging_level": "ERROR", "metrics_enabled": true}]}}]
}

test_deployment_stage_with_method_settings_or_unknown_passes if {
	named := {"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"stage_name": "v1", "settings": [{"logging_level": "INFO"}]}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [deployment, named]}
	referring := {"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"stage_name": {"$unknown": "aws_api_gateway_deployment.v1.stage_name"}, "settings": [{"logging_level": "INFO"}]}, "references": [{"path": ["stage_name"], "target": "aws_api_gateway_deployment.v1"}]}
	count(rule.deny) == 0 with input as {"resources": [deployment, referring]}
	unknown := {"address": "aws_api_gateway_method_settings.all", "type": "aws_api_gateway_method_settings", "name": "all", "config": {"stage_name": {"$unknown": "var.stage"}, "settings": [{"logging_level": "INFO"}]}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [deployment, unknown]}
	plain := json.patch(deployment, [{"op": "remove", "path": "/config/stage_name"}])
	count(rule.deny) == 0 with input as {"resources": [plain]}
}

package palisade.aws.apigateway.method_without_authorization_test

import data.palisade.aws.apigateway.method_without_authorization as rule

method(config) := {"address": "aws_api_gateway_method.get", "type": "aws_api_gateway_method", "name": "get", "config": object.union({"rest_api_id": "a", "resource_id": "r", "http_method": "GET"}, config), "references": []}

test_open_method_fires if {
	rule.deny == {{"msg": "aws_api_gateway_method.get (GET) can be called without authorization", "resource": "aws_api_gateway_method.get", "path": ["authorization"], "fix": [{"op": "set", "path": ["authorization"], "value": "AWS_IAM"}]}} with input as {"resources": [method({"authorization": "NONE"})]}
}

test_authorized_key_or_options_passes if {
	count(rule.deny) == 0 with input as {"resources": [method({"authorization": "AWS_IAM"})]}
	count(rule.deny) == 0 with input as {"resources": [method({"authorization": "NONE", "api_key_required": true})]}
	count(rule.deny) == 0 with input as {"resources": [method({"authorization": "NONE", "http_method": "OPTIONS"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [method({"authorization": {"$unknown": "var.auth"}})]}
	count(rule.deny) == 0 with input as {"resources": [method({"authorization": "NONE", "api_key_required": {"$unknown": "var.key"}})]}
}

route(config) := {"address": "aws_apigatewayv2_route.r", "type": "aws_apigatewayv2_route", "name": "r", "config": object.union({"api_id": "a"}, config), "references": []}

# HTTP API routes and the WebSocket $connect route (Sonar sonar-iac PublicApiCheck, round 11).
test_open_v2_route_fires if {
	rule.deny == {{"msg": "aws_apigatewayv2_route.r (POST /orders) can be called without authorization", "resource": "aws_apigatewayv2_route.r", "path": ["authorization_type"], "fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [route({"route_key": "POST /orders"})]}
	count(rule.deny) == 1 with input as {"resources": [route({"route_key": "GET /items", "authorization_type": "NONE"})]}
	count(rule.deny) == 1 with input as {"resources": [route({"route_key": "$connect"})]}
}

test_authorized_or_unauthorizable_v2_route_passes if {
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "POST /orders", "authorization_type": "JWT"})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "$connect", "authorization_type": "NONE", "api_key_required": true})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "OPTIONS /orders"})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "$default"})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "sendmessage"})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "$disconnect"})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": {"$unknown": "var.route"}})]}
	count(rule.deny) == 0 with input as {"resources": [route({"route_key": "POST /orders", "authorization_type": {"$unknown": "var.auth"}})]}
}

default_route_on(api) := object.union(route({"route_key": "$default", "api_id": {"$unknown": sprintf("%s.id", [api])}}), {"references": [{"path": ["api_id"], "target": api, "attribute": "id"}]})

# $default of an API known to be an HTTP API is a catch-all route that takes an authorizer (round
# 13); of a WebSocket API, or of an API Palisade cannot see, it is left alone (above).
test_http_api_default_route if {
	http := {"address": "aws_apigatewayv2_api.h", "type": "aws_apigatewayv2_api", "name": "h", "config": {"protocol_type": "HTTP"}, "references": []}
	ws := {"address": "aws_apigatewayv2_api.w", "type": "aws_apigatewayv2_api", "name": "w", "config": {"protocol_type": "WEBSOCKET"}, "references": []}
	rule.deny == {{"msg": "aws_apigatewayv2_route.r ($default of an HTTP API) can be called without authorization", "resource": "aws_apigatewayv2_route.r", "path": ["authorization_type"], "fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [http, default_route_on("aws_apigatewayv2_api.h")]}
	count(rule.deny) == 0 with input as {"resources": [ws, default_route_on("aws_apigatewayv2_api.w")]}
	count(rule.deny) == 0 with input as {"resources": [http, object.union(default_route_on("aws_apigatewayv2_api.h"), {"config": {"route_key": "$default", "authorization_type": "JWT"}})]}
}

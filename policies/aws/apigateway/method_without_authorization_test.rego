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

api(name, protocol) := {"address": sprintf("aws_apigatewayv2_api.%s", [name]), "type": "aws_apigatewayv2_api", "name": name, "config": {"name": name, "protocol_type": protocol}, "references": []}

default_route(api_name, config) := {"address": "aws_apigatewayv2_route.d", "type": "aws_apigatewayv2_route", "name": "d", "config": object.union({"api_id": {"$unknown": "aws_apigatewayv2_api.x.id"}, "route_key": "$default"}, config), "references": [{"path": ["api_id"], "target": sprintf("aws_apigatewayv2_api.%s", [api_name]), "attribute": "id"}]}

# $default of an HTTP API is the catch-all route and takes an authorizer (Checkov
# APIGatewayV2RouteDefinesAuthorizationType, round 13); of a WebSocket API, or of an API this module
# does not declare or whose protocol is unknown, it is left alone.
test_http_api_default_route_fires if {
	rule.deny == {{"msg": "aws_apigatewayv2_route.d ($default) can be called without authorization", "resource": "aws_apigatewayv2_route.d", "path": ["authorization_type"], "fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [api("h", "HTTP"), default_route("h", {})]}
	count(rule.deny) == 1 with input as {"resources": [api("h", "HTTP"), default_route("h", {"authorization_type": "NONE"})]}
}

test_default_route_of_websocket_or_unknown_api_passes if {
	count(rule.deny) == 0 with input as {"resources": [api("h", "HTTP"), default_route("h", {"authorization_type": "JWT"})]}
	count(rule.deny) == 0 with input as {"resources": [api("w", "WEBSOCKET"), default_route("w", {})]}
	count(rule.deny) == 0 with input as {"resources": [default_route("undeclared", {})]}
	count(rule.deny) == 0 with input as {"resources": [api("v", {"$unknown": "var.protocol"}), default_route("v", {})]}
}

v2_call(config) := {"address": "module.api", "source": "terraform-aws-modules/apigateway-v2/aws", "version": "~> 5.0", "config": config}

v2_msg(key) := sprintf("module.api (%s) can be called without authorization", [key])

# terraform-aws-modules/apigateway-v2: v5 `routes`, v2 to v4 `integrations`, keyed by route_key; an
# entry without authorization_type is a route of type NONE in every version.
test_opaque_module_open_routes_fire if {
	rule.deny == {{"msg": v2_msg("POST /orders"), "resource": "module.api", "path": ["routes", "POST /orders"], "fix": [{"op": "set", "path": ["routes", "POST /orders", "authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [], "modules": [v2_call({"routes": {"POST /orders": {"integration": {"uri": "arn"}}}})]}
	rule.deny == {{"msg": v2_msg("GET /items"), "resource": "module.api", "path": ["integrations", "GET /items", "authorization_type"], "fix": [{"op": "set", "path": ["integrations", "GET /items", "authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [], "modules": [v2_call({"integrations": {"GET /items": {"lambda_arn": "arn", "authorization_type": "NONE"}}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [v2_call({"routes": {"$default": {"integration": {"uri": "arn"}}}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [v2_call({"protocol_type": "WEBSOCKET", "routes": {"$connect": {}, "$disconnect": {}, "sendmessage": {}}})]}
}

test_opaque_module_authorized_or_unjudged_routes_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"POST /orders": {"authorization_type": "JWT", "authorizer_key": "cognito"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"POST /orders": {"authorizer_key": "cognito"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"integrations": {"GET /items": {"authorization_type": "AWS_IAM"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"OPTIONS /orders": {}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"protocol_type": "WEBSOCKET", "routes": {"$default": {}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"protocol_type": "WEBSOCKET", "routes": {"$connect": {"api_key_required": true}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"POST /orders": {"authorization_type": {"$unknown": "var.auth"}}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"$unknown": "local.routes"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"routes": {"POST /orders": {"$unknown": "local.route"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"create": false, "routes": {"POST /orders": {}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"create_routes_and_integrations": false, "routes": {"POST /orders": {}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"create_api_gateway": false, "integrations": {"POST /orders": {}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"integrations": {"POST /orders": {"create_route": false}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v2_call({"protocol_type": {"$unknown": "var.p"}, "routes": {"$default": {}}})]}
}

# A webhook route (the GitHub-runners module's "POST /webhook", held-out H3) is reported, but
# AWS_IAM would reject every delivery of a sender that cannot sign with SigV4: no fix.
test_webhook_route_fires_without_fix if {
	rule.deny == {{"msg": "aws_apigatewayv2_route.r (POST /webhook) can be called without authorization", "resource": "aws_apigatewayv2_route.r", "path": ["authorization_type"]}} with input as {"resources": [route({"route_key": "POST /webhook"})]}
	rule.deny == {{"msg": "aws_apigatewayv2_route.r (POST /hooks/GitHub) can be called without authorization", "resource": "aws_apigatewayv2_route.r", "path": ["authorization_type"]}} with input as {"resources": [route({"route_key": "POST /hooks/GitHub"})]}
	rule.deny == {{"msg": v2_msg("POST /stripe-webhook"), "resource": "module.api", "path": ["routes", "POST /stripe-webhook"]}} with input as {"resources": [], "modules": [v2_call({"routes": {"POST /stripe-webhook": {"integration": {"uri": "arn"}}}})]}
}

# Reading an API's own hook list is not a delivery: the fix stays.
test_get_hooks_route_keeps_the_fix if {
	rule.deny == {{"msg": "aws_apigatewayv2_route.r (GET /hooks) can be called without authorization", "resource": "aws_apigatewayv2_route.r", "path": ["authorization_type"], "fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [route({"route_key": "GET /hooks"})]}
}

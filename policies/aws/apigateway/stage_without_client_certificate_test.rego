package palisade.aws.apigateway.stage_without_client_certificate_test

import data.palisade.aws.apigateway.stage_without_client_certificate as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_api_gateway_stage.prod does not present a client certificate to its backends", "resource": "aws_api_gateway_stage.prod", "path": ["client_certificate_id"], "fix": [{"config": {"description": "Client certificate of aws_api_gateway_stage.prod"}, "name": "prod", "op": "add_resource", "type": "aws_api_gateway_client_certificate"}, {"op": "set", "path": ["client_certificate_id"], "value": {"$expr": "aws_api_gateway_client_certificate.prod.id"}}]}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod"}, "references": []}]}
}

test_passes_with_certificate if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod", "client_certificate_id": "abc"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod", "client_certificate_id": {"$unknown": "var.x"}}, "references": []}]}
}

test_websocket_stage_without_certificate_fires if {
	rule.deny == {{"msg": "aws_apigatewayv2_stage.prod does not present a client certificate to its backends", "resource": "aws_apigatewayv2_stage.prod", "path": ["client_certificate_id"], "fix": [{"config": {"description": "Client certificate of aws_apigatewayv2_stage.prod"}, "name": "prod", "op": "add_resource", "type": "aws_api_gateway_client_certificate"}, {"op": "set", "path": ["client_certificate_id"], "value": {"$expr": "aws_api_gateway_client_certificate.prod.id"}}]}} with input as {"resources": [{"address": "aws_apigatewayv2_api.chat", "type": "aws_apigatewayv2_api", "name": "chat", "config": {"name": "chat", "protocol_type": "WEBSOCKET"}, "references": []}, {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}]}
}

test_websocket_stage_with_certificate_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_apigatewayv2_api.chat", "type": "aws_apigatewayv2_api", "name": "chat", "config": {"name": "chat", "protocol_type": "WEBSOCKET"}, "references": []}, {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}, "client_certificate_id": {"$unknown": "aws_api_gateway_client_certificate.b.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}]}
}

test_http_api_stage_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_apigatewayv2_api.chat", "type": "aws_apigatewayv2_api", "name": "chat", "config": {"name": "chat", "protocol_type": "HTTP"}, "references": []}, {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}]}
}

test_v2_stage_of_unknown_protocol_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_apigatewayv2_api.chat", "type": "aws_apigatewayv2_api", "name": "chat", "config": {"name": "chat", "protocol_type": {"$unknown": "var.protocol"}}, "references": []}, {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}]}
}

test_v2_stage_of_an_api_outside_the_module_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "var.api_id"}}, "references": []}]}
}

# client_certificate_id = "" names no certificate: the provider sends none.
test_empty_certificate_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "prod", "client_certificate_id": ""}, "references": []}]}
}

chat_api := {"address": "aws_apigatewayv2_api.chat", "type": "aws_apigatewayv2_api", "name": "chat", "config": {"name": "chat", "protocol_type": "WEBSOCKET"}, "references": []}

chat_stage := {"address": "aws_apigatewayv2_stage.prod", "type": "aws_apigatewayv2_stage", "name": "prod", "config": {"name": "prod", "api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}

integration(name, type) := {"address": concat(".", ["aws_apigatewayv2_integration", name]), "type": "aws_apigatewayv2_integration", "name": name, "config": {"api_id": {"$unknown": "aws_apigatewayv2_api.chat.id"}, "integration_type": type}, "references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.chat", "attribute": "id"}]}

# Held-out s17/h10 (AWS provider websocket chat app): every route goes to a Lambda proxy, which
# API Gateway invokes with IAM; no backend could check a client certificate.
test_websocket_stage_with_only_lambda_backends_passes if {
	count(rule.deny) == 0 with input as {"resources": [chat_api, chat_stage, integration("connect", "AWS_PROXY"), integration("send", "AWS_PROXY")]}
}

# One HTTP backend is enough for the certificate to matter.
test_websocket_stage_with_an_http_backend_fires if {
	some f in rule.deny with input as {"resources": [chat_api, chat_stage, integration("connect", "AWS_PROXY"), integration("legacy", "HTTP_PROXY")]}
	f.resource == "aws_apigatewayv2_stage.prod"
}

# REST APIs: integrations from aws_api_gateway_integration resources and from the OpenAPI body.
rest_stage := {"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"stage_name": "Prod", "rest_api_id": {"$unknown": "aws_api_gateway_rest_api.hook.id"}}, "references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.hook", "attribute": "id"}]}

rest_api(config) := {"address": "aws_api_gateway_rest_api.hook", "type": "aws_api_gateway_rest_api", "name": "hook", "config": config, "references": []}

op(spec) := {"paths": {"/gitpull": {"post": {"x-amazon-apigateway-integration": spec}}}}

integration_resource(t) := {"address": sprintf("aws_api_gateway_integration.%s", [lower(t)]), "type": "aws_api_gateway_integration", "name": lower(t), "config": {"type": t, "rest_api_id": {"$unknown": "aws_api_gateway_rest_api.hook.id"}}, "references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.hook", "attribute": "id"}]}

# 18F's git2s3 webhook (held-out s19/h3): its one operation invokes a Lambda function (`aws`).
test_rest_stage_with_only_lambda_backends_passes if {
	count(rule.deny) == 0 with input as {"resources": [rest_api({"body": op({"type": "aws", "uri": {"$unknown": "local.invoke_arn"}})}), rest_stage]}
	count(rule.deny) == 0 with input as {"resources": [rest_api({"name": "hook"}), rest_stage, integration_resource("AWS_PROXY"), integration_resource("MOCK")]}
}

test_rest_stage_with_an_http_backend_fires if {
	count(rule.deny) == 1 with input as {"resources": [rest_api({"body": op({"type": "http_proxy", "uri": "https://backend.example.com"})}), rest_stage]}
	count(rule.deny) == 1 with input as {"resources": [rest_api({"body": op({"type": "aws"})}), rest_stage, integration_resource("HTTP")]}
}

test_rest_stage_without_readable_integrations_fires if {
	count(rule.deny) == 1 with input as {"resources": [rest_api({"name": "hook"}), rest_stage]}
	count(rule.deny) == 1 with input as {"resources": [rest_api({"body": {"$unknown": "file(\"openapi.json\")"}}), rest_stage, integration_resource("AWS_PROXY")]}
	count(rule.deny) == 1 with input as {"resources": [rest_api({"body": {"paths": {"/a": {"$unknown": "local.path"}, "/b": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy"}}}}}}), rest_stage]}
	count(rule.deny) == 1 with input as {"resources": [rest_api({"body": op({"type": {"$unknown": "var.integration_type"}})}), rest_stage]}
}

package palisade.aws.apigateway.endpoint_not_private_test

import data.palisade.aws.apigateway.endpoint_not_private as rule

test_fires_on_regional if {
	rule.warn == {{"msg": "aws_api_gateway_rest_api.api is reachable from the internet (endpoint type REGIONAL)", "resource": "aws_api_gateway_rest_api.api", "path": ["endpoint_configuration", 0, "types", 0]}} with input as {"resources": [{"address": "aws_api_gateway_rest_api.api", "type": "aws_api_gateway_rest_api", "name": "api", "config": {"endpoint_configuration": [{"types": ["REGIONAL"]}]}, "references": []}]}
}

test_fires_on_default_edge if {
	rule.warn == {{"msg": "aws_api_gateway_rest_api.api is reachable from the internet (endpoint type EDGE)", "resource": "aws_api_gateway_rest_api.api", "path": ["endpoint_configuration"]}} with input as {"resources": [{"address": "aws_api_gateway_rest_api.api", "type": "aws_api_gateway_rest_api", "name": "api", "config": {"name": "x"}, "references": []}]}
}

test_passes_private if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_rest_api.api", "type": "aws_api_gateway_rest_api", "name": "api", "config": {"endpoint_configuration": [{"types": ["PRIVATE"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_rest_api.api", "type": "aws_api_gateway_rest_api", "name": "api", "config": {"endpoint_configuration": [{"types": {"$unknown": "var.x"}}]}, "references": []}]}
}

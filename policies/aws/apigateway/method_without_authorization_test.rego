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

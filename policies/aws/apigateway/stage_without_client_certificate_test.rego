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

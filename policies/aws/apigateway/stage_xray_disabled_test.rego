package palisade.aws.apigateway.stage_xray_disabled_test

import data.palisade.aws.apigateway.stage_xray_disabled as rule

test_fires_on_false if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod does not enable X-Ray tracing", "resource": "aws_api_gateway_stage.prod", "path": ["xray_tracing_enabled"], "fix": [{"op": "set", "path": ["xray_tracing_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"xray_tracing_enabled": false}, "references": []}]}
}

test_fires_when_unset if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod does not enable X-Ray tracing", "resource": "aws_api_gateway_stage.prod", "path": ["xray_tracing_enabled"], "fix": [{"op": "set", "path": ["xray_tracing_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {}, "references": []}]}
}

test_passes_on_true if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"xray_tracing_enabled": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"xray_tracing_enabled": {"$unknown": "var.x"}}, "references": []}]}
}

test_deployment_creating_a_stage_warns if {
	d := {"address": "aws_api_gateway_deployment.d", "type": "aws_api_gateway_deployment", "name": "d", "config": {"stage_name": "prod"}, "references": []}
	rule.warn == {{"msg": "aws_api_gateway_deployment.d creates the stage prod without X-Ray tracing", "resource": "aws_api_gateway_deployment.d", "path": ["stage_name"]}} with input as {"resources": [d]}
}

package palisade.aws.apigateway.stage_without_usage_plan_test

import data.palisade.aws.apigateway.stage_without_usage_plan as rule

test_fires_without_plan if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}]}
}

test_fires_when_plan_covers_other_stage if {
	rule.warn == {{"msg": "aws_api_gateway_stage.prod is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_stage.prod", "path": []}} with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api2", "stage": "prod"}]}, "references": []}]}
}

test_passes_when_in_plan if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api1", "stage": "prod"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.prod", "type": "aws_api_gateway_stage", "name": "prod", "config": {"rest_api_id": "api1", "stage_name": "prod"}, "references": []}, {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": {"$unknown": "var.x"}, "stage": "prod"}]}, "references": []}]}
}

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

deployment(config) := {"address": "aws_api_gateway_deployment.v1", "type": "aws_api_gateway_deployment", "name": "v1", "config": config, "references": []}

test_fires_on_deployment_stage if {
	rule.warn == {{"msg": "aws_api_gateway_deployment.v1 creates a stage that is in no usage plan, so its callers are not throttled or metered", "resource": "aws_api_gateway_deployment.v1", "path": []}} with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api2", "stage": "prod"}]}, "references": []}]}
}

test_passes_on_deployment if {
	# no stage of its own (an aws_api_gateway_stage points at it), or its stage is in a plan
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1"})]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": ""})]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": "api1", "stage": "prod"}]}, "references": []}]}
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": "prod"}), {"address": "aws_api_gateway_usage_plan.basic", "type": "aws_api_gateway_usage_plan", "name": "basic", "config": {"api_stages": [{"api_id": {"$unknown": "aws_api_gateway_rest_api.a.id"}, "stage": {"$unknown": "aws_api_gateway_deployment.v1.stage_name"}}]}, "references": [{"path": ["api_stages", 0, "stage"], "target": "aws_api_gateway_deployment.v1", "attribute": "stage_name"}]}]}
}

test_unknown_deployment_stage_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [deployment({"rest_api_id": "api1", "stage_name": {"$unknown": "var.stage"}})]}
}

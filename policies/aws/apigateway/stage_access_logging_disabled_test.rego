package palisade.aws.apigateway.stage_access_logging_disabled_test

import data.palisade.aws.apigateway.stage_access_logging_disabled as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_api_gateway_stage.this has no access logging", "resource": "aws_api_gateway_stage.this", "path": ["access_log_settings"]}} with input as {"resources": [{"address": "aws_api_gateway_stage.this", "type": "aws_api_gateway_stage", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.this", "type": "aws_api_gateway_stage", "name": "this", "config": {"access_log_settings": [{"destination_arn": "arn:aws:logs:x", "format": "$context.requestId"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_stage.this", "type": "aws_api_gateway_stage", "name": "this", "config": {"access_log_settings": {"$unknown": "var.x"}}, "references": []}]}
}

deployment(config) := {"resources": [{"address": "aws_api_gateway_deployment.d", "type": "aws_api_gateway_deployment", "name": "d", "config": config, "references": []}]}

test_deployment_creating_a_stage_fires if {
	rule.deny == {{"msg": "aws_api_gateway_deployment.d creates the stage prod, which has no access logging", "resource": "aws_api_gateway_deployment.d", "path": ["stage_name"]}} with input as deployment({"stage_name": "prod"})
	count(rule.deny) == 0 with input as deployment({"stage_name": ""})
	count(rule.deny) == 0 with input as deployment({})
}

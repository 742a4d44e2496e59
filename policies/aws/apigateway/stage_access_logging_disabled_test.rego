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

http_stage := {
	"address": "aws_apigatewayv2_stage.s", "type": "aws_apigatewayv2_stage", "name": "s", "config": {"name": "prod"},
	"references": [{"path": ["api_id"], "target": "aws_apigatewayv2_api.a"}],
}

v2_api(protocol) := {"address": "aws_apigatewayv2_api.a", "type": "aws_apigatewayv2_api", "name": "a", "config": {"protocol_type": protocol}, "references": []}

rest_stage := {
	"address": "aws_api_gateway_stage.s", "type": "aws_api_gateway_stage", "name": "s", "config": {"stage_name": "prod"},
	"references": [{"path": ["rest_api_id"], "target": "aws_api_gateway_rest_api.a"}],
}

rest_api := {"address": "aws_api_gateway_rest_api.a", "type": "aws_api_gateway_rest_api", "name": "a", "config": {}, "references": []}

account := {"address": "aws_api_gateway_account.this", "type": "aws_api_gateway_account", "name": "this", "config": {"cloudwatch_role_arn": {"$unknown": "aws_iam_role.apigw.arn"}}, "references": []}

test_fix_for_an_http_api_stage if {
	some f in rule.deny with input as {"resources": [http_stage, v2_api("HTTP")]}
	some op in f.fix
	op.op == "add_block"
	op.config.destination_arn == {"$expr": "aws_cloudwatch_log_group.s_access_logs.arn"}
}

# REST (and WebSocket) stages log through the account's CloudWatch role: a fix only when this
# configuration sets it, and the log group waits for it.
test_rest_stage_fix_needs_the_account_role if {
	some f in rule.deny with input as {"resources": [rest_stage, rest_api]}
	not f.fix
	some g in rule.deny with input as {"resources": [rest_stage, rest_api, account]}
	some op in g.fix
	op.type == "aws_cloudwatch_log_group"
	op.config.depends_on == [{"$expr": "aws_api_gateway_account.this"}]
}

test_no_fix_for_a_websocket_stage_or_an_unknown_api if {
	some f in rule.deny with input as {"resources": [http_stage, v2_api("WEBSOCKET"), account]}
	not f.fix
	some g in rule.deny with input as {"resources": [http_stage]}
	not g.fix
}

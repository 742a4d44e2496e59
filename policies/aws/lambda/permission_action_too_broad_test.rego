package palisade.aws.lambda.permission_action_too_broad_test

import data.palisade.aws.lambda.permission_action_too_broad as rule

test_fires_on_wildcard if {
	rule.deny == {{"msg": "aws_lambda_permission.s3 grants lambda:* instead of lambda:InvokeFunction", "resource": "aws_lambda_permission.s3", "path": ["action"], "fix": [{"op": "set", "path": ["action"], "value": "lambda:InvokeFunction"}]}} with input as {"resources": [{"address": "aws_lambda_permission.s3", "type": "aws_lambda_permission", "name": "s3", "config": {"action": "lambda:*", "principal": "s3.amazonaws.com"}, "references": []}]}
}

test_fires_on_delete if {
	rule.deny == {{"msg": "aws_lambda_permission.s3 grants lambda:DeleteFunction instead of lambda:InvokeFunction", "resource": "aws_lambda_permission.s3", "path": ["action"], "fix": [{"op": "set", "path": ["action"], "value": "lambda:InvokeFunction"}]}} with input as {"resources": [{"address": "aws_lambda_permission.s3", "type": "aws_lambda_permission", "name": "s3", "config": {"action": "lambda:DeleteFunction"}, "references": []}]}
}

test_passes_on_invoke if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_permission.s3", "type": "aws_lambda_permission", "name": "s3", "config": {"action": "lambda:InvokeFunction"}, "references": []}]}
}

test_passes_on_invoke_url if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_permission.s3", "type": "aws_lambda_permission", "name": "s3", "config": {"action": "lambda:InvokeFunctionUrl"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_permission.s3", "type": "aws_lambda_permission", "name": "s3", "config": {"action": {"$unknown": "var.x"}}, "references": []}]}
}

call(triggers) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {"allowed_triggers": triggers}}

test_opaque_module_trigger_with_broad_action_fires if {
	rule.deny == {{
		"msg": "module.fn grants lambda:* instead of lambda:InvokeFunction (allowed_triggers \"S3\")",
		"resource": "module.fn", "path": ["allowed_triggers", "S3", "action"],
		"fix": [{"op": "set", "path": ["allowed_triggers", "S3", "action"], "value": "lambda:InvokeFunction"}],
	}} with input as {"resources": [], "modules": [call({"S3": {"service": "s3", "action": "lambda:*"}})]}
}

test_opaque_module_trigger_with_default_invoke_or_unknown_action_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"S3": {"service": "s3"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"S3": {"action": "lambda:InvokeFunction"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"S3": {"action": {"$unknown": "var.action"}}})]}
}

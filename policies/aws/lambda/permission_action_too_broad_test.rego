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

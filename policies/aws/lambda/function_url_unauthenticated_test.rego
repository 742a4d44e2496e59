package palisade.aws.lambda.function_url_unauthenticated_test

import data.palisade.aws.lambda.function_url_unauthenticated as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_lambda_function_url.this allows unauthenticated invocation", "resource": "aws_lambda_function_url.this", "path": ["authorization_type"], "fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}]}} with input as {"resources": [{"address": "aws_lambda_function_url.this", "type": "aws_lambda_function_url", "name": "this", "config": {"authorization_type": "NONE"}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_function_url.this", "type": "aws_lambda_function_url", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_function_url.this", "type": "aws_lambda_function_url", "name": "this", "config": {"authorization_type": "AWS_IAM"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lambda_function_url.this", "type": "aws_lambda_function_url", "name": "this", "config": {"authorization_type": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.lambda.tracing_disabled_test

import data.palisade.aws.lambda.tracing_disabled as rule

test_bad_value_fires if {
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config", 0, "mode"], "fix": [{"op": "set", "path": ["tracing_config", 0, "mode"], "value": "Active"}]}} with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": [{"mode": "PassThrough"}]}, "references": []}]}
}

test_unset_fires if {
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config"], "fix": [{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}}]}} with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": [{"mode": "Active"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": [{"mode": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": {"$unknown": "var.x"}}, "references": []}]}
}

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

call(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": config}

test_opaque_module_without_active_tracing_fires if {
	rule.warn == {{"msg": "module.fn does not have active tracing", "resource": "module.fn", "path": ["tracing_mode"], "fix": [{"op": "set", "path": ["tracing_mode"], "value": "Active"}]}} with input as {"resources": [], "modules": [call({"function_name": "api"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [call({"tracing_mode": "PassThrough"})]}
}

test_opaque_module_active_unknown_or_switched_off_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"tracing_mode": "Active"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"tracing_mode": {"$unknown": "var.mode"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"create": false})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"create_layer": true})]}
}

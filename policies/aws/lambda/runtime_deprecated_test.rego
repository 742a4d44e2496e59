package palisade.aws.lambda.runtime_deprecated_test

import data.palisade.aws.lambda.runtime_deprecated as rule

fn(config) := {"address": "aws_lambda_function.f", "type": "aws_lambda_function", "name": "f", "config": config, "references": []}

test_deprecated_runtime_fires if {
	rule.deny == {{
		"msg": "aws_lambda_function.f uses python3.7, a runtime Lambda has deprecated (no more security patches)",
		"resource": "aws_lambda_function.f", "path": ["runtime"],
	}} with input as {"resources": [fn({"runtime": "python3.7", "handler": "app.handler"})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"runtime": "nodejs16.x"})]}
	count(rule.deny) == 1 with input as {"resources": [fn({"runtime": "go1.x"})]}
}

test_supported_unknown_or_image_passes if {
	count(rule.deny) == 0 with input as {"resources": [fn({"runtime": "python3.13"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"runtime": "provided.al2023"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"runtime": {"$unknown": "var.runtime"}})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"package_type": "Image", "image_uri": "x"})]}
	count(rule.deny) == 0 with input as {"resources": [fn({"package_type": "Image", "runtime": "python3.8"})]}
}

call(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "version": "1.18.0", "config": config}

test_opaque_call_fires_on_its_runtime if {
	rule.deny == {{
		"msg": "module.fn uses python3.8, a runtime Lambda has deprecated (no more security patches)",
		"resource": "module.fn", "path": ["runtime"],
	}} with input as {"resources": [], "modules": [call({"runtime": "python3.8", "handler": "index.handler"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"runtime": "python3.12"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"runtime": "python3.8", "create_function": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"runtime": "python3.8", "package_type": "Image"})]}
}

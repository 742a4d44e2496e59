package palisade.aws.lambda.runtime_deprecated_test

import data.palisade.aws.lambda.runtime_deprecated as rule

fn(runtime) := {"address": "aws_lambda_function.api", "type": "aws_lambda_function", "name": "api", "config": {"function_name": "api", "runtime": runtime}, "references": []}

test_deprecated_runtime_fires if {
	rule.deny == {{"msg": "aws_lambda_function.api uses the runtime nodejs12.x, which AWS has deprecated: it gets no more security patches", "resource": "aws_lambda_function.api", "path": ["runtime"]}} with input as {"resources": [fn("nodejs12.x")]}
	count(rule.deny) == 1 with input as {"resources": [fn("python3.9")]}
	count(rule.deny) == 1 with input as {"resources": [fn("nodejs20.x")]}
}

test_supported_or_absent_runtime_passes if {
	count(rule.deny) == 0 with input as {"resources": [fn("python3.13")]}
	count(rule.deny) == 0 with input as {"resources": [fn("nodejs22.x")]}
	image := {"address": "aws_lambda_function.img", "type": "aws_lambda_function", "name": "img", "config": {"function_name": "img", "package_type": "Image"}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [image]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [fn({"$unknown": "var.runtime"})]}
}

test_opaque_lambda_module_call if {
	call := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {"function_name": "fn", "runtime": "python3.8"}}
	rule.deny == {{"msg": "module.fn creates a function on the runtime python3.8, which AWS has deprecated: it gets no more security patches", "resource": "module.fn", "path": ["runtime"]}} with input as {"resources": [], "modules": [call]}
	layer_only := object.union(call, {"config": {"function_name": "fn", "runtime": "python3.8", "create_function": false}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [layer_only]}
}

test_ruby32_reported if {
	count(rule.deny) == 1 with input as {"resources": [fn("ruby3.2")]}
}

test_container_image_not_judged if {
	image := object.union(fn("python3.8"), {"config": {"runtime": "python3.8", "package_type": "Image"}})
	count(rule.deny) == 0 with input as {"resources": [image]}
}

# Round 36: .NET 8 left Microsoft's support on 10 November 2026, and Lambda deprecated dotnet8
# that day; dotnet10 is supported.
test_dotnet8_reported if {
	count(rule.deny) == 1 with input as {"resources": [fn("dotnet8")]}
	count(rule.deny) == 0 with input as {"resources": [fn("dotnet10")]}
}

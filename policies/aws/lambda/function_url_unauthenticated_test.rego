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

call(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": config}

test_opaque_module_url_without_authorization_fires if {
	rule.deny == {{
		"msg": "module.fn creates a function URL that allows unauthenticated invocation",
		"resource": "module.fn", "path": ["authorization_type"],
		"fix": [{"op": "set", "path": ["authorization_type"], "value": "AWS_IAM"}],
	}} with input as {"resources": [], "modules": [call({"create_lambda_function_url": true})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"create_lambda_function_url": true, "authorization_type": "NONE"})]}
}

test_opaque_module_without_url_or_with_iam_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_lambda_function_url": {"$unknown": "var.url"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_lambda_function_url": true, "authorization_type": "AWS_IAM"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_lambda_function_url": true, "authorization_type": {"$unknown": "var.auth"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_lambda_function_url": true, "create_function": false})]}
}

# A URL the module opens to everyone on purpose (a public InvokeFunctionUrl permission for the same
# function) keeps the finding without a fix: anonymous callers would be turned away (H12).
test_deliberately_public_url_has_no_fix if {
	fn := {"$unknown": "module.api[each.key].function_name"}
	url := {"address": "aws_lambda_function_url.api", "type": "aws_lambda_function_url", "name": "api", "config": {"function_name": fn, "authorization_type": "NONE"}, "references": []}
	perm := {"address": "aws_lambda_permission.url", "type": "aws_lambda_permission", "name": "url", "config": {"function_name": fn, "action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "NONE", "principal": "*"}, "references": []}
	some f in rule.deny with input as {"resources": [url, perm]}
	not f.fix
	other := object.union(perm, {"config": {"function_name": "other", "function_url_auth_type": "NONE", "principal": "*"}})
	some g in rule.deny with input as {"resources": [url, other]}
	g.fix
}

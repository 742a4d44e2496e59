package palisade.aws.lambda.permission_public_test

import data.palisade.aws.lambda.permission_public as rule

permission(config) := {"address": "aws_lambda_permission.any", "type": "aws_lambda_permission", "name": "any", "config": object.union({"action": "lambda:InvokeFunction", "function_name": "api"}, config), "references": []}

test_wildcard_principal_fires if {
	rule.deny == {{"msg": "aws_lambda_permission.any lets any principal invoke the function", "resource": "aws_lambda_permission.any", "path": ["principal"]}} with input as {"resources": [permission({"principal": "*"})]}
}

test_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "source_account": "111122223333"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": {"$unknown": "var.principal"}})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "source_arn": {"$unknown": "aws_s3_bucket.b.arn"}})]}
}

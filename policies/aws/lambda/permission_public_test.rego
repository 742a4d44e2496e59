package palisade.aws.lambda.permission_public_test

import data.palisade.aws.lambda.permission_public as rule

permission(config) := {"address": "aws_lambda_permission.any", "type": "aws_lambda_permission", "name": "any", "config": object.union({"action": "lambda:InvokeFunction", "function_name": "api"}, config), "references": []}

test_wildcard_principal_fires if {
	rule.deny == {{"msg": "aws_lambda_permission.any lets any principal invoke the function", "resource": "aws_lambda_permission.any", "path": ["principal"]}} with input as {"resources": [permission({"principal": "*"})]}
}

test_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "source_account": "111122223333"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b", "source_account": "111122223333"})]}
}

# Round 40 (AWS Config lambda-function-public-access-prohibited): a bucket ARN carries no account
# ID, so source_arn alone does not pin S3 to the owner's bucket; source_account or an org does.
test_s3_principal_pinned_only_by_bucket_arn_fires if {
	rule.deny == {{
		"msg": "aws_lambda_permission.any lets s3.amazonaws.com invoke the function for a bucket named by source_arn in any account: no source_account",
		"resource": "aws_lambda_permission.any", "path": ["principal"],
	}} with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b"})]}
}

# The usual form names the bucket resource's computed ARN: the finding is on the principal, whose
# value is known (one on the unknown source_arn would be dropped by the evaluator).
test_s3_principal_with_computed_bucket_arn_fires if {
	findings := rule.deny with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": {"$unknown": "aws_s3_bucket.b.arn"}})]}
	[f.path | some f in findings] == [["principal"]]
}

test_s3_principal_with_account_org_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b", "principal_org_id": "o-aa111bb222"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::b", "source_account": {"$unknown": "data.aws_caller_identity.c.account_id"}})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "sns.amazonaws.com", "source_arn": "arn:aws:sns:eu-west-1:111122223333:t"})]}
}

test_opaque_module_s3_trigger_pinned_only_by_bucket_arn_fires if {
	rule.deny == {{
		"msg": "module.fn lets s3.amazonaws.com invoke the function for a bucket named by source_arn in any account: allowed_triggers \"S3\" has no source_account",
		"resource": "module.fn", "path": ["allowed_triggers", "S3", "service"],
	}} with input as {"resources": [], "modules": [call({"S3": {"service": "s3", "source_arn": "arn:aws:s3:::b"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"S3": {"service": "s3", "source_arn": "arn:aws:s3:::b", "source_account": "111122223333"}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": {"$unknown": "var.principal"}})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "*", "source_arn": {"$unknown": "aws_s3_bucket.b.arn"}})]}
}

test_service_principal_without_source_fires if {
	rule.deny == {{"msg": "aws_lambda_permission.any lets sns.amazonaws.com invoke the function for any account's resources: no source_arn or source_account", "resource": "aws_lambda_permission.any", "path": ["principal"]}} with input as {"resources": [permission({"principal": "sns.amazonaws.com"})]}
}

test_service_principal_pinned_to_a_source_passes if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "events.amazonaws.com", "source_arn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "s3.amazonaws.com", "source_account": "111122223333"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "alexa-appkit.amazon.com", "event_source_token": "amzn1.ask.skill.1"})]}
}

test_service_principal_with_unknown_source_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "apigateway.amazonaws.com", "source_arn": {"$unknown": "aws_api_gateway_rest_api.api.execution_arn"}})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": {"$unknown": "elasticloadbalancing.${data.aws_partition.current.dns_suffix}"}})]}
}

test_account_principal_is_not_a_service if {
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "111122223333"})]}
	count(rule.deny) == 0 with input as {"resources": [permission({"principal": "arn:aws:iam::111122223333:role/caller"})]}
}

call(triggers) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {"allowed_triggers": triggers}}

test_opaque_module_trigger_with_wildcard_principal_fires if {
	rule.deny == {{
		"msg": "module.fn lets any principal invoke the function (allowed_triggers \"Any\")",
		"resource": "module.fn", "path": ["allowed_triggers", "Any", "principal"],
	}} with input as {"resources": [], "modules": [call({"Any": {"principal": "*"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"Any": {"principal": "*", "source_account": "111122223333"}})]}
}

test_opaque_module_service_trigger_without_source_fires if {
	rule.deny == {{
		"msg": "module.fn lets sns.amazonaws.com invoke the function for any account's resources: allowed_triggers \"Sns\" has no source_arn or source_account",
		"resource": "module.fn", "path": ["allowed_triggers", "Sns", "service"],
	}} with input as {"resources": [], "modules": [call({"Sns": {"service": "sns"}})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"S3": {"principal": "s3.amazonaws.com"}})]}
}

test_opaque_module_scoped_unknown_or_switched_off_triggers_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"Sns": {"service": "sns", "source_arn": {"$unknown": "module.sns.topic_arn"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"Api": {"service": "apigateway", "arn": "arn:aws:execute-api:eu-west-1:111122223333:abc"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"Any": {"principal": {"$unknown": "var.p"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"$unknown": "var.triggers"})]}
	off := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": {"create": false, "allowed_triggers": {"Any": {"principal": "*"}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

package palisade.aws.appsync.api_key_authentication_test

import data.palisade.aws.appsync.api_key_authentication as rule

api(config) := {"resources": [{"address": "aws_appsync_graphql_api.a", "type": "aws_appsync_graphql_api", "name": "a", "config": config, "references": []}]}

test_primary_api_key if {
	rule.deny == {{"msg": "aws_appsync_graphql_api.a authenticates callers with an API key", "resource": "aws_appsync_graphql_api.a", "path": ["authentication_type"]}} with input as api({"name": "a", "authentication_type": "API_KEY"})
}

test_additional_api_key if {
	rule.deny == {{"msg": "aws_appsync_graphql_api.a also accepts callers with an API key", "resource": "aws_appsync_graphql_api.a", "path": ["additional_authentication_provider", 1, "authentication_type"]}} with input as api({"name": "a", "authentication_type": "AWS_IAM", "additional_authentication_provider": [{"authentication_type": "AWS_LAMBDA"}, {"authentication_type": "API_KEY"}]})
}

test_other_types_pass if {
	count(rule.deny) == 0 with input as api({"name": "a", "authentication_type": "AMAZON_COGNITO_USER_POOLS", "additional_authentication_provider": [{"authentication_type": "AWS_IAM"}]})
}

test_unknown_type_passes if {
	count(rule.deny) == 0 with input as api({"name": "a", "authentication_type": {"$unknown": "var.auth"}, "additional_authentication_provider": [{"authentication_type": {"$unknown": "var.extra"}}]})
}

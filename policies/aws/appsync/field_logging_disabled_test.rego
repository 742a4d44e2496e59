package palisade.aws.appsync.field_logging_disabled_test

import data.palisade.aws.appsync.field_logging_disabled as rule

api(config) := {"resources": [{"address": "aws_appsync_graphql_api.orders", "type": "aws_appsync_graphql_api", "name": "orders", "config": object.union({"name": "orders", "authentication_type": "AWS_IAM"}, config), "references": []}]}

log_config(level) := [{"cloudwatch_logs_role_arn": {"$unknown": "aws_iam_role.appsync_logs.arn"}, "field_log_level": level}]

test_fires_without_log_config if {
	rule.deny == {{"msg": "aws_appsync_graphql_api.orders has no log_config: its requests and resolvers are not logged", "resource": "aws_appsync_graphql_api.orders", "path": ["log_config"], "peers": [{"checkov": ["CKV_AWS_193"]}, {"checkov": ["CKV_AWS_194"]}]}} with input as api({})
}

test_fires_on_none_with_fix if {
	rule.deny == {{"msg": "aws_appsync_graphql_api.orders does not log its resolvers (field_log_level = \"NONE\")", "resource": "aws_appsync_graphql_api.orders", "path": ["log_config", 0, "field_log_level"], "fix": [{"op": "set", "path": ["log_config", 0, "field_log_level"], "value": "ERROR"}], "peers": [{"checkov": ["CKV_AWS_194"]}]}} with input as api({"log_config": log_config("NONE")})
}

test_passes if {
	count(rule.deny) == 0 with input as api({"log_config": log_config("ERROR")})
	count(rule.deny) == 0 with input as api({"log_config": log_config("ALL")})
	count(rule.deny) == 0 with input as api({"log_config": log_config("INFO")})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as api({"log_config": log_config({"$unknown": "var.field_log_level"})})
	count(rule.deny) == 0 with input as api({"log_config": {"$unknown": "var.log_config"}})
}

call(config) := {"resources": [], "modules": [{"address": "module.api", "source": "terraform-aws-modules/appsync/aws", "config": config}]}

test_module_without_logging_fires if {
	rule.deny == {{"msg": "module.api creates a GraphQL API without logging (logging_enabled is not true)", "resource": "module.api", "path": [], "peers": [{"checkov": ["CKV_AWS_193"]}, {"checkov": ["CKV_AWS_194"]}]}} with input as call({"name": "orders"})
	rule.deny == {{"msg": "module.api creates a GraphQL API without logging (logging_enabled is not true)", "resource": "module.api", "path": ["logging_enabled"], "peers": [{"checkov": ["CKV_AWS_193"]}, {"checkov": ["CKV_AWS_194"]}]}} with input as call({"name": "orders", "logging_enabled": false})
	rule.deny == {{"msg": "module.api creates a GraphQL API that does not log its resolvers (log_field_log_level = \"NONE\")", "resource": "module.api", "path": ["log_field_log_level"], "peers": [{"checkov": ["CKV_AWS_194"]}]}} with input as call({"name": "orders", "logging_enabled": true, "log_field_log_level": "NONE"})
}

test_module_passes_or_unknown if {
	count(rule.deny) == 0 with input as call({"name": "orders", "logging_enabled": true, "create_logs_role": true, "log_field_log_level": "ERROR"})
	count(rule.deny) == 0 with input as call({"name": "orders", "logging_enabled": {"$unknown": "var.logging"}})
	count(rule.deny) == 0 with input as call({"name": "orders", "create_graphql_api": false})
	count(rule.deny) == 0 with input as call({"name": "orders", "logging_enabled": true, "log_field_log_level": {"$unknown": "var.level"}})
}

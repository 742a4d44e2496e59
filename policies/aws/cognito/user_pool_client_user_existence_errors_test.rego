package palisade.aws.cognito.user_pool_client_user_existence_errors_test

import data.palisade.aws.cognito.user_pool_client_user_existence_errors as rule

client(config) := {"resources": [{"address": "aws_cognito_user_pool_client.web", "type": "aws_cognito_user_pool_client", "name": "web", "config": config, "references": []}]}

msg := "aws_cognito_user_pool_client.web does not set prevent_user_existence_errors = \"ENABLED\": sign-in and password recovery tell callers which user names exist"

test_omitted_is_reported_with_fix if {
	rule.deny == {{"msg": msg, "resource": "aws_cognito_user_pool_client.web", "path": ["prevent_user_existence_errors"], "fix": [{"op": "set", "path": ["prevent_user_existence_errors"], "value": "ENABLED"}]}} with input as client({"name": "web", "user_pool_id": "p"})
}

test_legacy_is_reported if {
	count(rule.deny) == 1 with input as client({"name": "web", "user_pool_id": "p", "prevent_user_existence_errors": "LEGACY"})
}

test_enabled_and_unknown_pass if {
	count(rule.deny) == 0 with input as client({"name": "web", "user_pool_id": "p", "prevent_user_existence_errors": "ENABLED"})
	count(rule.deny) == 0 with input as client({"name": "web", "user_pool_id": "p", "prevent_user_existence_errors": {"$unknown": "var.mode"}})
}

# Machine-to-machine clients sign in no users.
test_client_credentials_only_passes if {
	count(rule.deny) == 0 with input as client({"name": "m2m", "user_pool_id": "p", "allowed_oauth_flows": ["client_credentials"]})
}

test_user_flows_are_reported if {
	count(rule.deny) == 1 with input as client({"name": "web", "user_pool_id": "p", "allowed_oauth_flows": ["code", "client_credentials"]})
	count(rule.deny) == 1 with input as client({"name": "web", "user_pool_id": "p", "allowed_oauth_flows": {"$unknown": "var.flows"}})
}

# Review R2 (session 21): explicit_auth_flows that sign users in (ALLOW_USER_PASSWORD_AUTH, SRP,
# custom, choice-based) make InitiateAuth answer for user names, whatever OAuth grants it lists.
test_client_credentials_with_user_auth_flows_is_reported if {
	count(rule.deny) == 1 with input as client({"name": "m2m", "user_pool_id": "p", "allowed_oauth_flows": ["client_credentials"], "explicit_auth_flows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]})
	count(rule.deny) == 0 with input as client({"name": "m2m", "user_pool_id": "p", "allowed_oauth_flows": ["client_credentials"], "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH"]})
}

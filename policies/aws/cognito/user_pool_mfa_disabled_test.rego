package palisade.aws.cognito.user_pool_mfa_disabled_test

import data.palisade.aws.cognito.user_pool_mfa_disabled as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_cognito_user_pool.users does not require or offer MFA", "resource": "aws_cognito_user_pool.users", "path": ["mfa_configuration"], "fix": [{"op": "set", "path": ["mfa_configuration"], "value": "ON"}, {"config": {"enabled": true}, "op": "add_block", "path": [], "type": "software_token_mfa_configuration"}]}} with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"name": "users"}, "references": []}]}
}

test_fires_on_off if {
	rule.deny == {{"msg": "aws_cognito_user_pool.users does not require or offer MFA", "resource": "aws_cognito_user_pool.users", "path": ["mfa_configuration"], "fix": [{"op": "set", "path": ["mfa_configuration"], "value": "ON"}, {"config": {"enabled": true}, "op": "add_block", "path": [], "type": "software_token_mfa_configuration"}]}} with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"mfa_configuration": "OFF"}, "references": []}]}
}

test_fires_on_without_factor if {
	rule.deny == {{"msg": "aws_cognito_user_pool.users turns MFA on without configuring an SMS or TOTP factor", "resource": "aws_cognito_user_pool.users", "path": [], "fix": [{"config": {"enabled": true}, "op": "add_block", "path": [], "type": "software_token_mfa_configuration"}]}} with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"mfa_configuration": "ON"}, "references": []}]}
}

test_passes_with_totp if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"mfa_configuration": "ON", "software_token_mfa_configuration": [{"enabled": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"mfa_configuration": {"$unknown": "var.x"}}, "references": []}]}
}

test_passes_with_email_factor if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cognito_user_pool.users", "type": "aws_cognito_user_pool", "name": "users", "config": {"mfa_configuration": "ON", "email_mfa_configuration": [{"message": "code {####}"}]}, "references": []}]}
}

test_passwordless_only_pool_is_not_flagged if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p", "config": {"name": "p", "mfa_configuration": "OFF", "sign_in_policy": [{"allowed_first_auth_factors": ["EMAIL_OTP", "SMS_OTP"]}]}, "references": []}]}
}

test_password_first_factor_still_flagged if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p", "config": {"name": "p", "sign_in_policy": [{"allowed_first_auth_factors": ["PASSWORD", "EMAIL_OTP"]}]}, "references": []}]}
}

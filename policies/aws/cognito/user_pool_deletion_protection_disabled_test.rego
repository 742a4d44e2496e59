package palisade.aws.cognito.user_pool_deletion_protection_disabled_test

import data.palisade.aws.cognito.user_pool_deletion_protection_disabled as rule

pool(config) := {"resources": [{"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p", "config": config, "references": []}]}

test_unset_is_reported_with_fix if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not set deletion_protection = \"ACTIVE\"", "resource": "aws_cognito_user_pool.p", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": "ACTIVE"}]}} with input as pool({"name": "p"})
}

test_inactive_is_reported if {
	count(rule.deny) == 1 with input as pool({"name": "p", "deletion_protection": "INACTIVE"})
}

test_active_and_unknown_pass if {
	count(rule.deny) == 0 with input as pool({"name": "p", "deletion_protection": "ACTIVE"})
	count(rule.deny) == 0 with input as pool({"name": "p", "deletion_protection": {"$unknown": "var.protect"}})
}

test_old_provider_gets_no_fix if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not set deletion_protection = \"ACTIVE\"", "resource": "aws_cognito_user_pool.p", "path": ["deletion_protection"]}} with input as object.union(pool({"name": "p"}), {"required_providers": {"aws": ["~> 4.20.0"]}})
}

package palisade.aws.cognito.user_pool_threat_protection_off_test

import data.palisade.aws.cognito.user_pool_threat_protection_off as rule

pool(config) := {"resources": [{"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p", "config": config, "references": []}]}

enforce := {"op": "add_block", "path": [], "type": "user_pool_add_ons", "config": {"advanced_security_mode": "ENFORCED"}}

plus_tier := {"op": "set", "path": ["user_pool_tier"], "value": "PLUS"}

# No add-ons block: threat protection is off. The fix turns it on and moves the pool to the Plus
# feature plan, the only one on which Cognito accepts it.
test_no_add_ons_is_reported_with_tier_and_mode if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": [], "fix": [plus_tier, enforce]}} with input as pool({"name": "p"})
}

test_plus_pool_gets_only_the_mode if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": [], "fix": [enforce]}} with input as pool({"name": "p", "user_pool_tier": "PLUS"})
}

test_off_and_audit_are_reported_on_the_mode if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (advanced_security_mode is AUDIT)", "resource": "aws_cognito_user_pool.p", "path": ["user_pool_add_ons", 0, "advanced_security_mode"], "fix": [plus_tier, {"op": "set", "path": ["user_pool_add_ons", 0, "advanced_security_mode"], "value": "ENFORCED"}]}} with input as pool({"name": "p", "user_pool_tier": "ESSENTIALS", "user_pool_add_ons": [{"advanced_security_mode": "AUDIT"}]})
	count(rule.deny) == 1 with input as pool({"name": "p", "user_pool_add_ons": [{"advanced_security_mode": "OFF"}]})
}

test_enforced_and_unknown_pass if {
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_tier": "PLUS", "user_pool_add_ons": [{"advanced_security_mode": "ENFORCED"}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_add_ons": [{"advanced_security_mode": {"$unknown": "var.mode"}}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_add_ons": {"$unknown": "var.add_ons"}})
}

# An unknown tier may be Essentials or Lite, where Cognito refuses the mode; a provider pinned below
# v5.83 (the first with user_pool_tier) cannot move the pool to Plus: reported without a fix.
test_no_fix_when_the_tier_cannot_be_set if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": []}} with input as pool({"name": "p", "user_pool_tier": {"$unknown": "var.tier"}})
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": []}} with input as object.union(pool({"name": "p"}), {"required_providers": {"aws": ["~> 5.80.0"]}})
}

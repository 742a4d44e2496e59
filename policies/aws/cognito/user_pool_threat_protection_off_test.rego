package palisade.aws.cognito.user_pool_threat_protection_off_test

import data.palisade.aws.cognito.user_pool_threat_protection_off as rule

pool(config) := {"resources": [{"address": "aws_cognito_user_pool.p", "type": "aws_cognito_user_pool", "name": "p", "config": config, "references": []}]}

enforce := {"op": "add_block", "path": [], "type": "user_pool_add_ons", "config": {"advanced_security_mode": "ENFORCED"}}

# No add-ons block: threat protection is off. Cognito accepts the mode only on the Plus feature
# plan, and moving a pool there is a billing decision: a pool not on Plus gets no fix.
test_no_add_ons_off_plus_is_reported_without_a_fix if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": []}} with input as pool({"name": "p"})
}

test_plus_pool_gets_only_the_mode if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": [], "fix": [enforce]}} with input as pool({"name": "p", "user_pool_tier": "PLUS"})
}

test_off_and_audit_are_reported_on_the_mode if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (advanced_security_mode is AUDIT)", "resource": "aws_cognito_user_pool.p", "path": ["user_pool_add_ons", 0, "advanced_security_mode"], "fix": [{"op": "set", "path": ["user_pool_add_ons", 0, "advanced_security_mode"], "value": "ENFORCED"}]}} with input as pool({"name": "p", "user_pool_tier": "PLUS", "user_pool_add_ons": [{"advanced_security_mode": "AUDIT"}]})
	some f in rule.deny with input as pool({"name": "p", "user_pool_tier": "ESSENTIALS", "user_pool_add_ons": [{"advanced_security_mode": "AUDIT"}]})
	not f.fix
	count(rule.deny) == 1 with input as pool({"name": "p", "user_pool_add_ons": [{"advanced_security_mode": "OFF"}]})
}

test_enforced_and_unknown_pass if {
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_tier": "PLUS", "user_pool_add_ons": [{"advanced_security_mode": "ENFORCED"}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_add_ons": [{"advanced_security_mode": {"$unknown": "var.mode"}}]})
	count(rule.deny) == 0 with input as pool({"name": "p", "user_pool_add_ons": {"$unknown": "var.add_ons"}})
}

# An unknown tier may be Essentials or Lite, where Cognito refuses the mode: no fix.
test_no_fix_when_the_tier_is_unknown if {
	rule.deny == {{"msg": "aws_cognito_user_pool.p does not enforce threat protection (no user_pool_add_ons, so advanced_security_mode is OFF)", "resource": "aws_cognito_user_pool.p", "path": []}} with input as pool({"name": "p", "user_pool_tier": {"$unknown": "var.tier"}})
}

package palisade.aws.iam.login_profile_weak_password_test

import data.palisade.aws.iam.login_profile_weak_password as rule

profile(config) := {"address": "aws_iam_user_login_profile.p", "type": "aws_iam_user_login_profile", "name": "p", "config": config, "references": []}

test_no_reset_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_user_login_profile.p does not require the user to change the generated password",
		"resource": "aws_iam_user_login_profile.p", "path": ["password_reset_required"],
		"fix": [{"op": "set", "path": ["password_reset_required"], "value": true}],
	}} with input as {"resources": [profile({"user": "u", "password_reset_required": false})]}
}

test_short_length_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_user_login_profile.p generates a password shorter than 14 characters",
		"resource": "aws_iam_user_login_profile.p", "path": ["password_length"],
		"fix": [{"op": "set", "path": ["password_length"], "value": 14}],
	}} with input as {"resources": [profile({"user": "u", "password_reset_required": true, "password_length": 8})]}
}

test_both_fire if {
	count(rule.deny) == 2 with input as {"resources": [profile({"password_reset_required": "false", "password_length": 13})]}
}

test_strict_passes if {
	count(rule.deny) == 0 with input as {"resources": [profile({"password_reset_required": true, "password_length": 14})]}
	count(rule.deny) == 0 with input as {"resources": [profile({"user": "u", "password_reset_required": true})]}
}

# Provider v4+ has no default for password_reset_required: unset means AWS's default, no reset
# (cfn_nag IamUserLoginProfilePasswordResetRule reports the unset property too).
test_unset_reset_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_iam_user_login_profile.p does not require the user to change the generated password",
		"resource": "aws_iam_user_login_profile.p", "path": ["password_reset_required"],
		"fix": [{"op": "set", "path": ["password_reset_required"], "value": true}],
	}} with input as {"resources": [profile({"user": "u"})]}
}

test_unknown_does_not_fire if {
	u := {"$unknown": "var.x"}
	count(rule.deny) == 0 with input as {"resources": [profile({"password_reset_required": u, "password_length": u})]}
}

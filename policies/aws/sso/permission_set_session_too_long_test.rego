package palisade.aws.sso.permission_set_session_too_long_test

import data.palisade.aws.sso.permission_set_session_too_long as rule

permission_set(config) := {"address": "aws_ssoadmin_permission_set.admin", "type": "aws_ssoadmin_permission_set", "name": "admin", "config": config, "references": []}

test_long_session_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_ssoadmin_permission_set.admin allows sessions of PT2H, longer than one hour",
		"resource": "aws_ssoadmin_permission_set.admin", "path": ["session_duration"],
		"fix": [{"op": "set", "path": ["session_duration"], "value": "PT1H"}],
	}} with input as {"resources": [permission_set({"session_duration": "PT2H"})]}
	count(rule.deny) == 1 with input as {"resources": [permission_set({"session_duration": "PT1H1M"})]}
	count(rule.deny) == 1 with input as {"resources": [permission_set({"session_duration": "PT90M"})]}
}

test_short_or_default_passes if {
	count(rule.deny) == 0 with input as {"resources": [permission_set({"session_duration": "PT1H"})]}
	count(rule.deny) == 0 with input as {"resources": [permission_set({"session_duration": "PT30M"})]}
	count(rule.deny) == 0 with input as {"resources": [permission_set({"name": "x"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [permission_set({"session_duration": {"$unknown": "var.duration"}})]}
}

test_seconds if {
	rule.seconds("PT1H30M15S") == 5415
	not rule.seconds("P1D")
}

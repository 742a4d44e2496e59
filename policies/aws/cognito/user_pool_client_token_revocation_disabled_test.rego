package palisade.aws.cognito.user_pool_client_token_revocation_disabled_test

import data.palisade.aws.cognito.user_pool_client_token_revocation_disabled as rule

client(config) := {"resources": [{
	"address": "aws_cognito_user_pool_client.web", "type": "aws_cognito_user_pool_client", "name": "web",
	"config": config, "references": [],
}]}

test_false_fires_with_set if {
	rule.deny == {{
		"msg": "aws_cognito_user_pool_client.web turns token revocation off: its refresh tokens stay usable after sign-out until they expire",
		"resource": "aws_cognito_user_pool_client.web", "path": ["enable_token_revocation"],
		"fix": [{"op": "set", "path": ["enable_token_revocation"], "value": true}],
	}} with input as client({"name": "web", "enable_token_revocation": false})
	count(rule.deny) == 1 with input as client({"name": "web", "enable_token_revocation": "false"})
}

test_true_or_left_out_passes if {
	count(rule.deny) == 0 with input as client({"name": "web", "enable_token_revocation": true})
	count(rule.deny) == 0 with input as client({"name": "web"})
}

test_unknown_passes if {
	count(rule.deny) == 0 with input as client({"name": "web", "enable_token_revocation": {"$unknown": "var.revocation"}})
}

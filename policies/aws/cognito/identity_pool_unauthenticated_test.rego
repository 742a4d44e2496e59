package palisade.aws.cognito.identity_pool_unauthenticated_test

import data.palisade.aws.cognito.identity_pool_unauthenticated as rule

pool(config) := {"address": "aws_cognito_identity_pool.main", "type": "aws_cognito_identity_pool", "name": "main", "config": config, "references": []}

test_guest_access_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_cognito_identity_pool.main allows unauthenticated identities",
		"resource": "aws_cognito_identity_pool.main", "path": ["allow_unauthenticated_identities"],
		"fix": [{"op": "set", "path": ["allow_unauthenticated_identities"], "value": false}],
	}} with input as {"resources": [pool({"identity_pool_name": "app", "allow_unauthenticated_identities": true})]}
}

test_default_or_false_passes if {
	count(rule.deny) == 0 with input as {"resources": [pool({"identity_pool_name": "app"})]}
	count(rule.deny) == 0 with input as {"resources": [pool({"identity_pool_name": "app", "allow_unauthenticated_identities": false})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [pool({"allow_unauthenticated_identities": {"$unknown": "var.guests"}})]}
}

attachment(roles) := {
	"address": "aws_cognito_identity_pool_roles_attachment.main", "type": "aws_cognito_identity_pool_roles_attachment", "name": "main",
	"config": {"identity_pool_id": {"$unknown": "aws_cognito_identity_pool.main.id"}, "roles": roles},
	"references": [{"path": ["identity_pool_id"], "target": "aws_cognito_identity_pool.main", "attribute": "id"}],
}

# Held-out round 18 (serverless voting sample): guests get an unauthenticated role, so they are used.
test_no_fix_when_guests_get_a_role if {
	roles := {"unauthenticated": {"$unknown": "aws_iam_role.guest.arn"}, "authenticated": {"$unknown": "aws_iam_role.user.arn"}}
	rule.deny == {{
		"msg": "aws_cognito_identity_pool.main allows unauthenticated identities (no fix: a roles attachment gives its guests an unauthenticated role, so the application plainly uses guest access)",
		"resource": "aws_cognito_identity_pool.main", "path": ["allow_unauthenticated_identities"],
	}} with input as {"resources": [pool({"allow_unauthenticated_identities": true}), attachment(roles)]}
}

test_fix_when_only_authenticated_users_get_a_role if {
	some f in rule.deny with input as {"resources": [pool({"allow_unauthenticated_identities": true}), attachment({"authenticated": "arn:aws:iam::111122223333:role/user"})]}
	count(f.fix) == 1
}

package palisade.aws.sso.identity_store_user_created_test

import data.palisade.aws.sso.identity_store_user_created as rule

user := {"address": "aws_identitystore_user.jane", "type": "aws_identitystore_user", "name": "jane", "references": [], "config": {"identity_store_id": {"$unknown": "data.aws_ssoadmin_instances.this.identity_store_ids"}, "user_name": "jane"}}

test_user_warns if {
	rule.warn == {{
		"msg": "aws_identitystore_user.jane is created in the Identity Center directory instead of coming from the identity provider",
		"resource": "aws_identitystore_user.jane", "path": [],
	}} with input as {"resources": [user]}
}

test_groups_and_assignments_pass if {
	group := {"address": "aws_identitystore_group.ops", "type": "aws_identitystore_group", "name": "ops", "references": [], "config": {"display_name": "ops"}}
	count(rule.warn) == 0 with input as {"resources": [group]}
}

test_unknown_store_does_not_matter if {
	count(rule.warn) == 1 with input as {"resources": [object.union(user, {"config": {"identity_store_id": {"$unknown": "var.store"}}})]}
}

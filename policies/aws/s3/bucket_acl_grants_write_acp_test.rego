package palisade.aws.s3.bucket_acl_grants_write_acp_test

import data.palisade.aws.s3.bucket_acl_grants_write_acp as rule

acl(grants) := {"resources": [{"address": "aws_s3_bucket_acl.this", "type": "aws_s3_bucket_acl", "name": "this", "config": {"access_control_policy": [{"grant": grants, "owner": [{"id": "owner-id"}]}]}, "references": []}]}

test_write_acp_to_group_fires if {
	rule.deny == {{"msg": "aws_s3_bucket_acl.this grants WRITE_ACP, which lets the grantee rewrite the bucket ACL", "resource": "aws_s3_bucket_acl.this", "path": ["access_control_policy", 0, "grant", 1, "permission"], "fix": [{"op": "remove", "path": ["access_control_policy", 0, "grant", 1]}]}} with input as acl([
		{"grantee": [{"id": "owner-id", "type": "CanonicalUser"}], "permission": "FULL_CONTROL"},
		{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}], "permission": "WRITE_ACP"},
	])
}

test_inline_grant_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "config": {"grant": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permissions": ["READ", "WRITE_ACP"]}]}, "references": []}]}
}

test_read_grants_pass if {
	count(rule.deny) == 0 with input as acl([{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}], "permission": "READ_ACP"}])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as acl([{"grantee": [{"type": "Group"}], "permission": {"$unknown": "var.p"}}])
	count(rule.deny) == 0 with input as acl({"$unknown": "var.grants"})
}

call(config) := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": config}

test_opaque_module_grant_of_acl_control_fires if {
	grant := {"type": "Group", "permission": "WRITE_ACP", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}
	rule.deny == {{
		"msg": "module.b grants WRITE_ACP, which lets the grantee rewrite the bucket ACL",
		"resource": "module.b", "path": ["grant", 0, "permission"],
	}} with input as {"resources": [], "modules": [call({"grant": [grant]})]}
	other := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": "abc"}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [call({"grant": [other], "owner": {"id": "def"}})]}
}

test_opaque_module_owner_read_unknown_or_switched_off_grants_pass if {
	own := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": "abc"}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"grant": [own], "owner": {"id": "abc"}})]}
	caller := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": {"$unknown": "data.aws_canonical_user_id.current.id"}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"grant": [caller]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"grant": [own]})]}
	read := {"type": "Group", "permission": "READ_ACP", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"grant": [read]})]}
	group := {"type": "Group", "permission": "WRITE_ACP", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery"}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"grant": [group], "create_bucket": false})]}
}

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

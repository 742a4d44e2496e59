package palisade.aws.s3.bucket_acls_enabled_test

import data.palisade.aws.s3.bucket_acls_enabled as rule

bad := {"resources": [{"address": "aws_s3_bucket_ownership_controls.this", "type": "aws_s3_bucket_ownership_controls", "name": "this", "config": {"rule": [{"object_ownership": "ObjectWriter"}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_s3_bucket_ownership_controls.this", "type": "aws_s3_bucket_ownership_controls", "name": "this", "config": {"rule": [{"object_ownership": "BucketOwnerEnforced"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_s3_bucket_ownership_controls.this", "type": "aws_s3_bucket_ownership_controls", "name": "this", "config": {"rule": [{"object_ownership": {"$unknown": "var.x"}}]}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_s3_bucket_ownership_controls.this", "type": "aws_s3_bucket_ownership_controls", "name": "this", "config": {"rule": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_s3_bucket_ownership_controls.this keeps ACLs enabled (object_ownership = \"ObjectWriter\")", "resource": "aws_s3_bucket_ownership_controls.this", "path": ["rule", 0, "object_ownership"], "fix": [{"op": "set", "path": ["rule", 0, "object_ownership"], "value": "BucketOwnerEnforced"}]}} with input as bad
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
	count(rule.warn) == 0 with input as unknown_1
}

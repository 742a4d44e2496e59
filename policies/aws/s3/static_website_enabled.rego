# METADATA
# title: S3 bucket is configured as a static website
# description: |
#   S3 website endpoints serve content over plain HTTP only and require the objects to be publicly
#   readable, so the bucket's content is world-readable and can be tampered with in transit. Serve
#   static sites through CloudFront with origin access control on a private bucket instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html
# custom:
#   id: PAL-AWS-S3-015
#   severity: low
#   formats: [terraform]
#   resource_types: ["module:terraform-aws-modules/s3-bucket/aws", aws_s3_bucket, aws_s3_bucket_website_configuration]
#   frameworks: {}
#   references:
#     kics: 42bb6b7f-6d54-4428-b707-666f669d94fb
#   remediation: Remove the website configuration and serve the content through CloudFront with origin access control.
#   fixable: false
package palisade.aws.s3.static_website_enabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Provider v3 inline website block.
warn contains result.fail(bucket, ["website", i], msg(bucket)) if {
	some bucket in s3.buckets
	some i, _ in tf.blocks(bucket, "website")
}

# Provider v4+: reported on the bucket, the website configuration is a related location.
warn contains result.with_related(result.fail(bucket, [], msg(bucket)), [result.related(site, [], "website configuration")]) if {
	some bucket in s3.buckets
	some site in s3.companions(bucket, "aws_s3_bucket_website_configuration")
}

# terraform-aws-modules/s3-bucket: a non-empty `website` map configures website hosting.
warn contains result.fail(m, ["website"], msg(m)) if {
	some m in modules.s3_buckets
	site := object.get(m.config, "website", null)
	is_object(site)
	count(site) > 0
}

# The same settings written as a block in the call (Terraform rejects blocks in module calls,
# but the intent is unambiguous while the file is being typed).
warn contains result.fail(m, ["website", i], msg(m)) if {
	some m in modules.s3_buckets
	some i, site in unknown.items(object.get(m.config, "website", null))
	is_object(site)
}

msg(bucket) := sprintf("%s is served as a static website (HTTP only, public objects)", [bucket.address])

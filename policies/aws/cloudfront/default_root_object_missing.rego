# METADATA
# title: CloudFront passes requests for the root URL to an S3 bucket (no default root object)
# description: |
#   Without default_root_object, a request for the distribution's root (https://d111.cloudfront.net/)
#   is forwarded to the origin as a request for the bucket itself. For an S3 origin that is a
#   ListObjects call: if the bucket lets its reader list it (public s3:ListBucket, or an origin
#   access identity or control granted it), the response lists every key of the bucket, including
#   objects no page links to; otherwise it returns an S3 error document. AWS Security Hub
#   (CloudFront.1) asks for a default root object. Only distributions whose default cache behavior
#   routes to an S3 REST origin (lib/cloudfront.rego) are judged: a custom origin, S3 website
#   endpoints included (they serve their index document), answers the root URL itself.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-1
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#default_root_object
# custom:
#   id: PAL-AWS-CLOUDFRONT-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_305
#   cwe: ["CWE-548"]
#   remediation: Set default_root_object to the object the root URL should serve (for example "index.html").
#   fixable: false
package palisade.aws.cloudfront.default_root_object_missing

# No fix: which object the root should serve (index.html, a landing page, an error page) and
# whether it exists in the bucket is the owner's to say; naming a missing one turns the root URL
# into an error.
# Opaque terraform-aws-modules/cloudfront calls are not judged: their origins are a map whose S3
# entries the module recognises by its own keys.

import data.palisade.lib.cloudfront
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, [], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	tf.unset(r, ["default_root_object"])
	some behavior in tf.blocks(r, "default_cache_behavior")
	target := unknown.known_string(behavior.target_origin_id)
	s3_target(r, target)
	text := "%s has no default_root_object: a request for / reaches S3 origin %s as a request for the bucket, which lists its objects or answers with an error"
	msg := sprintf(text, [r.address, target])
}

s3_target(r, target) if s3_origin_id(r, target)

# An origin group: its primary (first) member answers the request.
s3_target(r, target) if {
	some group in tf.blocks(r, "origin_group")
	unknown.known_string(group.origin_id) == target
	members := unknown.items(object.get(group, "member", []))
	count(members) > 0
	s3_origin_id(r, unknown.known_string(members[0].origin_id))
}

s3_origin_id(r, id) if {
	some origin in tf.blocks(r, "origin")
	unknown.known_string(origin.origin_id) == id
	cloudfront.s3_origin(origin)
}

# METADATA
# title: CloudFront reads an S3 origin without origin access control
# description: |
#   An S3 origin without origin_access_control_id reaches the bucket either anonymously, so the
#   bucket must allow public reads and viewers can bypass CloudFront (its WAF, signed URLs, geo
#   restriction and logs) by asking S3 directly, or through a legacy origin access identity (OAI),
#   which cannot read objects encrypted with SSE-KMS, does not work in AWS Regions launched after
#   December 2022 and does not sign PUT or DELETE requests. Origin access control signs every
#   request with SigV4 and lets the bucket policy admit only this distribution
#   (AWS:SourceArn). AWS recommends it over OAI, and AWS Security Hub (CloudFront.13) asks for it
#   on every S3 origin. S3 origins are recognised by a REST endpoint domain name
#   (<bucket>.s3.amazonaws.com, <bucket>.s3.<region>.amazonaws.com), a reference to a bucket's
#   bucket_regional_domain_name or bucket_domain_name, or an s3_origin_config block
#   (lib/cloudfront.rego); S3 website endpoints are custom origins and are not judged. An S3 origin
#   access control with signing_behavior = "never" signs nothing, which turns origin access control
#   off for every origin that names it, and is reported too.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-13
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_origin_access_control
# custom:
#   id: PAL-AWS-CLOUDFRONT-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, aws_cloudfront_origin_access_control]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_46
#   cwe: ["CWE-284"]
#   remediation: >-
#     Create an aws_cloudfront_origin_access_control (origin type s3, signing behavior always, SigV4),
#     set origin_access_control_id on the S3 origin, remove the origin access identity, and let the
#     bucket policy allow s3:GetObject to the cloudfront.amazonaws.com service principal on the
#     condition AWS:SourceArn = the distribution's ARN.
#   fixable: false
package palisade.aws.cloudfront.s3_origin_without_oac

# No fix: origin access control only works once the bucket policy admits the distribution (and a
# KMS key policy, for SSE-KMS objects), and the policy that admitted the OAI or the public must go:
# changes to another resource, possibly outside this configuration, that only the owner can make.
# Opaque terraform-aws-modules/cloudfront calls are not judged here (their origins name an
# origin_access_control key of the module's own map).

import data.palisade.lib.cloudfront
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["origin", i], msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, origin in tf.blocks(r, "origin")
	cloudfront.s3_origin(origin)
	tf.unset({"config": origin}, ["origin_access_control_id"])
	msg := sprintf("%s reads S3 origin %s %s", [r.address, label(origin, i), how(origin)])
}

# signing_behavior = "never": CloudFront sends unsigned requests to every origin using the control,
# so S3 sees them as anonymous (round 27, HashiCorp's cloudfront-s3-origin-access-control-enabled).
# Only S3 controls are judged; "no-override" still signs requests without an Authorization header.
deny contains result.fail(r, ["signing_behavior"], msg) if {
	some r in tf.resources("aws_cloudfront_origin_access_control")
	lower(unknown.known_string(r.config.origin_access_control_origin_type)) == "s3"
	lower(unknown.known_string(r.config.signing_behavior)) == "never"
	msg := sprintf("%s never signs requests, so S3 origins using it are read without origin access control", [r.address])
}

how(origin) := "through a legacy origin access identity instead of origin access control" if {
	some s3 in tf.blocks({"config": origin}, "s3_origin_config")
	not object.get(s3, "origin_access_identity", "") in {"", null}
} else := "without origin access control (the bucket must allow anonymous reads)"

label(origin, _) := id if {
	id := unknown.known_string(object.get(origin, "origin_id", null))
}

label(origin, i) := sprintf("%d", [i]) if {
	not unknown.known_string(object.get(origin, "origin_id", null))
}

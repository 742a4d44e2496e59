# METADATA
# title: S3 bucket has no server-side encryption configuration
# description: |
#   The bucket declares no default encryption, neither inline (provider v3) nor with an
#   aws_s3_bucket_server_side_encryption_configuration. Since January 2023 S3 encrypts new
#   objects with SSE-S3 anyway, so the practical risk is low; declaring it records the intent,
#   lets reviewers see the key in use, and is required evidence for most compliance frameworks.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html
# custom:
#   id: PAL-AWS-S3-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_19
#     trivy: AVD-AWS-0088
#   cwe: ["CWE-311"]
#   remediation: Add an aws_s3_bucket_server_side_encryption_configuration (preferably aws:kms with a customer managed key).
#   fixable: true
package palisade.aws.s3.bucket_encryption_missing

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf

deny contains fixes.finding(bucket, ["server_side_encryption_configuration"], msg, encryption_fix(bucket)) if {
	some bucket in s3.buckets
	tf.missing_attr(bucket, ["server_side_encryption_configuration"])
	not s3.has_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration")
	msg := sprintf("%s has no server-side encryption configuration", [bucket.address])
}

# The fix adds a split encryption configuration (provider 3.75+) with SSE-KMS and an S3 Bucket Key
# (fewer KMS calls); the key is the account's AWS managed aws/s3 key, which needs no key policy.
encryption_fix(bucket) := [result.add_resource("aws_s3_bucket_server_side_encryption_configuration", bucket.name, {
	"bucket": result.expr(sprintf("%s.id", [bucket.address])),
	"rule": [{
		"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}],
		"bucket_key_enabled": true,
	}],
})] if {
	fixes.can_add_resource(bucket)
	not named("aws_s3_bucket_server_side_encryption_configuration", bucket.name)
} else := []

named(resource_type, name) if {
	some r in tf.resources(resource_type)
	r.name == name
}

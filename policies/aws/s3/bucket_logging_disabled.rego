# METADATA
# title: S3 bucket access logging is not enabled
# description: |
#   Server access logs record every request made to the bucket: who read, wrote or deleted
#   what and when. Without them an incident on the bucket cannot be investigated. Buckets that
#   themselves receive logs (targets of S3, CloudTrail, load balancer or CloudFront logging, or
#   with the log-delivery-write ACL) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: PAL-AWS-S3-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_18
#     trivy: AVD-AWS-0089
#   cwe: ["CWE-778"]
#   remediation: Add an aws_s3_bucket_logging that delivers access logs to a dedicated log bucket.
#   fixable: false
package palisade.aws.s3.bucket_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf

deny contains result.fail(bucket, ["logging"], msg) if {
	not log_target_unresolved
	some bucket in s3.buckets
	tf.missing_attr(bucket, ["logging"])
	not s3.has_companion(bucket, "aws_s3_bucket_logging")
	not is_log_bucket(bucket)
	msg := sprintf("%s does not have access logging enabled", [bucket.address])
}

# Attributes through which other resources deliver logs into a bucket.
log_destination_keys := {"target_bucket", "s3_bucket_name", "access_logs", "logging_config", "log_destination"}

is_log_bucket(bucket) if {
	some r in input.resources
	some ref in r.references
	tf.refers_to(ref.target, bucket.address)
	some key in ref.path
	key in log_destination_keys
}

is_log_bucket(bucket) if {
	some r in input.resources
	r.type == "aws_s3_bucket_logging"
	r.config.target_bucket == bucket.config.bucket
}

is_log_bucket(bucket) if bucket.config.acl == "log-delivery-write"

is_log_bucket(bucket) if {
	some acl in s3.companions(bucket, "aws_s3_bucket_acl")
	acl.config.acl == "log-delivery-write"
}

# Some logging configuration delivers to a bucket Palisade cannot identify (a variable or a
# module output): any bucket here may be that log bucket, so none is reported.
log_target_unresolved if tf.unresolved("aws_s3_bucket_logging", ["target_bucket"], "aws_s3_bucket")

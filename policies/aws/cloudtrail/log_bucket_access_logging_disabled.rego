# METADATA
# title: CloudTrail log bucket has no access logging
# description: |
#   S3 server access logging on the bucket that holds CloudTrail logs records who read, overwrote or
#   deleted the audit trail itself. Without it, tampering with the logs leaves no trace outside the
#   logs being tampered with.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/securing-bucket-access.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-007
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_logging]
#   frameworks:
#     cis-aws-2.0: ["3.6"]
#   references:
#     trivy: AVD-AWS-0163
#     kics: ee9e50e8-b2ed-4176-ad42-8fc0cf7593f4
#   cwe: ["CWE-778"]
#   remediation: >-
#     Enable server access logging on the trail's bucket (a logging block, or aws_s3_bucket_logging),
#     delivering to a separate bucket. The fix adds an aws_s3_bucket_logging to the log bucket the
#     module's other buckets already log to, when there is exactly one and its policy admits S3 log
#     delivery from any bucket of the account; otherwise no fix is offered.
#   fixable: true
package palisade.aws.cloudtrail.log_bucket_access_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.with_related(fixes.finding(bucket, ["logging"], msg, s3.access_logging_ops(bucket)), [result.related(trail, ["s3_bucket_name"], "the trail that delivers here")]) if {
	some [trail, bucket] in trail_buckets
	tf.missing_attr(bucket, ["logging"])
	not s3.has_companion(bucket, "aws_s3_bucket_logging")
	msg := sprintf("%s receives the CloudTrail logs of %s but has no access logging", [bucket.address, trail.address])
}

# trail_buckets: [trail, bucket] for each bucket a trail delivers to, by reference or known name.
trail_buckets contains [trail, bucket] if {
	some trail in tf.resources("aws_cloudtrail")
	some bucket in s3.buckets
	delivers_to(trail, bucket)
}

delivers_to(trail, bucket) if {
	some ref in trail.references
	ref.path == ["s3_bucket_name"]
	tf.refers_to(ref.target, bucket.address)
}

delivers_to(trail, bucket) if {
	name := unknown.known_string(trail.config.s3_bucket_name)
	name == bucket.config.bucket
}

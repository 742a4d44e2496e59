# METADATA
# title: S3 bucket versioning is not enabled
# description: |
#   Without versioning an overwritten or deleted object is gone for good, whether by mistake,
#   a faulty deployment or ransomware. Versioning keeps prior versions so they can be restored,
#   and is a prerequisite for replication and Object Lock.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: PAL-AWS-S3-005
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_21
#     trivy: AVD-AWS-0090
#     kics: 568a4d22-3517-44a6-a7ad-6a7eed88722c
#   remediation: Enable versioning (aws_s3_bucket_versioning with status = "Enabled").
#   fixable: true
package palisade.aws.s3.bucket_versioning_disabled

import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

versioning_type := "aws_s3_bucket_versioning"

# Split resource present but not Enabled ("Suspended", or "Disabled" at creation).
deny contains result.fail_fix(r, path, msg, [result.set(path, "Enabled")]) if {
	some r in tf.resources(versioning_type)
	some i, conf in tf.blocks(r, "versioning_configuration")
	status := unknown.known_string(conf.status)
	status != "Enabled"
	path := ["versioning_configuration", i, "status"]
	msg := sprintf("%s sets versioning status to %q instead of \"Enabled\"", [r.address, status])
}

# v3 inline block with enabled false or unset (when no split resource governs the bucket).
deny contains result.fail_fix(bucket, path, msg, [result.set(path, true)]) if {
	some bucket in s3.buckets
	not s3.has_companion(bucket, versioning_type)
	some i, v in tf.blocks(bucket, "versioning")
	unknown.not_true(object.get(v, "enabled", null))
	path := ["versioning", i, "enabled"]
	msg := sprintf("%s does not have versioning enabled", [bucket.address])
}

# No versioning at all.
deny contains result.fail(bucket, ["versioning"], msg) if {
	some bucket in s3.buckets
	not s3.has_companion(bucket, versioning_type)
	tf.missing_attr(bucket, ["versioning"])
	msg := sprintf("%s does not have versioning enabled", [bucket.address])
}

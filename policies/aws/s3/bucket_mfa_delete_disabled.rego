# METADATA
# title: S3 bucket versioning does not require MFA delete
# description: |
#   With MFA delete, permanently deleting an object version or changing the versioning state
#   needs the root user's MFA code, so stolen credentials alone cannot destroy history. It can
#   only be enabled by the root user (with the mfa argument), so this is advisory.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
# custom:
#   id: PAL-AWS-S3-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   frameworks:
#     cis-aws-2.0: ["2.1.2"]
#   references:
#     checkov: CKV_AWS_52
#     kics: c5b31ab9-0f26-4a49-b8aa-4cc064392f4d
#   remediation: Enable MFA delete on the bucket's versioning configuration (requires the root user's MFA).
#   fixable: false
package palisade.aws.s3.bucket_mfa_delete_disabled

import data.palisade.lib.result
import data.palisade.lib.s3
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket_versioning")
	some i, conf in tf.blocks(r, "versioning_configuration")
	conf.status == "Enabled"
	mfa := object.get(conf, "mfa_delete", null)
	unknown.known(mfa)
	mfa != "Enabled"
	path := ["versioning_configuration", i, "mfa_delete"]
	msg := sprintf("%s does not enable MFA delete", [r.address])
}

warn contains result.fail(bucket, path, msg) if {
	some bucket in s3.buckets
	some i, v in tf.blocks(bucket, "versioning")
	unknown.is_true(v.enabled)
	unknown.not_true(object.get(v, "mfa_delete", null))
	path := ["versioning", i, "mfa_delete"]
	msg := sprintf("%s does not enable MFA delete", [bucket.address])
}

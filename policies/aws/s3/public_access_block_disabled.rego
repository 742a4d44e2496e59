# METADATA
# title: S3 public access block does not enable all four protections
# description: |
#   S3 Block Public Access has four independent switches. Any switch that is false (or left unset,
#   which defaults to false) lets a public ACL or bucket policy take effect: new public ACLs are
#   accepted, existing ones honoured, public policies attached, or cross-account access through a
#   public policy allowed. All four should be true unless the bucket is deliberately public.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
#     trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093]
#     kics: [d0cc8694-fcad-43ff-ac86-32331d7e867f, 4fa66806-0dd9-4f8d-9480-3174d39c7c91, 1a4bc881-9f69-4d44-8c9a-d37d08f54c50]
#   remediation: Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true.
#   fixable: true
package palisade.aws.s3.public_access_block_disabled

import data.palisade.lib.result
import data.palisade.lib.unknown

flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains result.fail_fix(r, [flag], msg, [result.set([flag], true)]) if {
	some r in input.resources
	r.type in {"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"}
	some flag in flags
	unknown.not_true(object.get(r.config, flag, null))
	msg := sprintf("%s does not set %s to true", [r.address, flag])
}

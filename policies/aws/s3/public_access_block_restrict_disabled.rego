# METADATA
# title: S3 public access block does not restrict public buckets
# description: |
#   With restrict_public_buckets false (or unset) a bucket with a public policy stays reachable by
#   anonymous users and by every AWS account; true limits access to AWS service principals and the
#   bucket owner's account. Opaque terraform-aws-modules/s3-bucket calls are checked through their
#   arguments (only an explicit false, as the module's default changed between major versions).
#   A bucket-level switch left off is covered when the configuration's account public access
#   block turns it on (S3 applies the stricter of the two).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-013
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: CKV_AWS_56
#     trivy: AVD-AWS-0093
#     kics: 1ec253ab-c220-4d63-b2de-5b40e0af9293
#   cwe: ["CWE-732"]
#   remediation: Set restrict_public_buckets = true.
#   fixable: true
package palisade.aws.s3.public_access_block_restrict_disabled

import data.palisade.lib.result
import data.palisade.lib.s3

deny contains result.fail_fix(r, ["restrict_public_buckets"], msg, [result.set(["restrict_public_buckets"], true)]) if {
	some r in s3.public_access_block_holders
	s3.public_access_switch_off(r, "restrict_public_buckets")
	msg := sprintf("%s does not set restrict_public_buckets to true", [r.address])
}

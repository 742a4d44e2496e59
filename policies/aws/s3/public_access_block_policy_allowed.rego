# METADATA
# title: S3 public access block does not block public bucket policies
# description: |
#   With block_public_policy false (or unset) S3 accepts a bucket policy that grants public access,
#   so a single policy change can expose every object in the bucket. Opaque terraform-aws-
#   modules/s3-bucket calls are checked through their arguments (only an explicit false, as the
#   module's default changed between major versions).
#   A bucket-level switch left off is covered when the configuration's account public access
#   block turns it on (S3 applies the stricter of the two). Where the configuration applies a
#   public policy to the bucket (any principal, no condition S3 accepts), no fix is offered:
#   block_public_policy would not stop the stored policy and would make its next put fail.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-011
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, aws_s3_bucket, aws_s3_bucket_policy, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: CKV_AWS_54
#     trivy: AVD-AWS-0087
#     kics: 1a4bc881-9f69-4d44-8c9a-d37d08f54c50
#   cwe: ["CWE-732"]
#   remediation: Set block_public_policy = true.
#   fixable: true
package palisade.aws.s3.public_access_block_policy_allowed

import data.palisade.lib.result
import data.palisade.lib.s3

deny contains result.fail_fix(r, ["block_public_policy"], msg(r), [result.set(["block_public_policy"], true)]) if {
	some r in s3.public_access_block_holders
	s3.public_access_switch_off(r, "block_public_policy")
	not s3.public_policy_applied(r)
}

# Session 24: where the configuration itself applies a public policy to the bucket, turning
# block_public_policy on stops no access (a stored policy stays in force; restrict_public_buckets,
# S3-013, is what confines it) and makes S3 reject the next put of that policy, so the apply
# fails. The finding stays, without a fix; S3-009 reports the policy.
deny contains result.fail(r, ["block_public_policy"], msg(r)) if {
	some r in s3.public_access_block_holders
	s3.public_access_switch_off(r, "block_public_policy")
	s3.public_policy_applied(r)
}

msg(r) := sprintf("%s does not set block_public_policy to true", [r.address])

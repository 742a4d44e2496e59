# METADATA
# title: S3 public access block does not block public ACLs
# description: |
#   One of the four S3 Block Public Access switches. With block_public_acls false (or unset,
#   which defaults to false) S3 accepts requests that set a public ACL on the bucket or its
#   objects, so one PutObject with x-amz-acl: public-read publishes data to the internet. Opaque terraform-aws-modules/s3-bucket calls are checked through their
#   arguments (only an explicit false, as the module's default changed between major versions).
#   A bucket-level switch left off is covered when the configuration's account public access
#   block turns it on (S3 applies the stricter of the two).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: CKV_AWS_53
#     trivy: AVD-AWS-0086
#     kics: d0cc8694-fcad-43ff-ac86-32331d7e867f
#   cwe: ["CWE-732"]
#   remediation: Set block_public_acls = true.
#   fixable: true
package palisade.aws.s3.public_access_block_disabled

import data.palisade.lib.result
import data.palisade.lib.s3

deny contains result.fail_fix(r, ["block_public_acls"], msg, [result.set(["block_public_acls"], true)]) if {
	some r in s3.public_access_block_holders
	s3.public_access_switch_off(r, "block_public_acls")
	msg := sprintf("%s does not set block_public_acls to true", [r.address])
}

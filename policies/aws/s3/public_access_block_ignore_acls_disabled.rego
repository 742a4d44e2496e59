# METADATA
# title: S3 public access block does not ignore public ACLs
# description: |
#   With ignore_public_acls false (or unset) S3 honours public ACLs that already exist on the bucket
#   or its objects, so anything once made public stays public. Opaque terraform-aws-
#   modules/s3-bucket calls are checked through their arguments (only an explicit false, as the
#   module's default changed between major versions).
#   A bucket-level switch left off is covered when the configuration's account public access
#   block turns it on (S3 applies the stricter of the two).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: PAL-AWS-S3-012
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, "module:terraform-aws-modules/s3-bucket/aws"]
#   frameworks:
#     cis-aws-2.0: ["2.1.4"]
#   references:
#     checkov: CKV_AWS_55
#     trivy: AVD-AWS-0091
#     kics: 4fa66806-0dd9-4f8d-9480-3174d39c7c91
#   cwe: ["CWE-732"]
#   remediation: Set ignore_public_acls = true.
#   fixable: true
package palisade.aws.s3.public_access_block_ignore_acls_disabled

import data.palisade.lib.result
import data.palisade.lib.s3

deny contains result.fail_fix(r, ["ignore_public_acls"], msg, [result.set(["ignore_public_acls"], true)]) if {
	some r in s3.public_access_block_holders
	s3.public_access_switch_off(r, "ignore_public_acls")
	msg := sprintf("%s does not set ignore_public_acls to true", [r.address])
}

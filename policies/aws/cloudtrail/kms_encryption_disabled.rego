# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: |
#   Without kms_key_id the log files are encrypted only with S3-managed keys, so anyone with read
#   access to the bucket can read the account's complete API history. With a customer managed key,
#   reading logs also needs kms:Decrypt, which can be granted to auditors only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.7"]
#   references:
#     checkov: CKV_AWS_35
#     trivy: AVD-AWS-0015
#     kics: 5d9e3164-9265-470c-9a10-57ae454ac0c7
#   remediation: Set kms_key_id to a customer managed KMS key whose policy lets CloudTrail encrypt.
#   fixable: false
package palisade.aws.cloudtrail.kms_encryption_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["kms_key_id"], msg) if {
	some r in tf.resources("aws_cloudtrail")
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s does not encrypt its logs with a KMS key", [r.address])
}

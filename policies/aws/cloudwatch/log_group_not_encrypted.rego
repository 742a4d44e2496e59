# METADATA
# title: CloudWatch log group is not encrypted with a KMS key
# description: |
#   Log groups are always encrypted by CloudWatch Logs, but without kms_key_id anyone with
#   logs:GetLogEvents can read them. Logs often capture tokens, personal data and request bodies;
#   a customer managed key adds a key policy gate and an audit trail of decryption.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
# custom:
#   id: PAL-AWS-CLOUDWATCH-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudwatch_log_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_158
#     trivy: AVD-AWS-0017
#     kics: 0afbcfe9-d341-4b92-a64c-7e6de0543879
#   remediation: Set kms_key_id to a customer managed KMS key whose policy allows CloudWatch Logs (the fix adds one).
#   fixable: true
package palisade.aws.cloudwatch.log_group_not_encrypted

import data.palisade.lib.fixes
import data.palisade.lib.tf

types := {"aws_cloudwatch_log_group"}

deny contains fixes.finding(r, ["kms_key_id"], msg, fixes.logs_cmk_set(r, ["kms_key_id"])) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s is not encrypted with a KMS key", [r.address])
}

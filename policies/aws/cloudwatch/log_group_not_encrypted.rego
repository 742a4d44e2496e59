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
#   resource_types: [aws_cloudwatch_log_group, "module:terraform-aws-modules/cloudwatch/aws//modules/log-group", "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_158
#     trivy: AVD-AWS-0017
#     kics: 0afbcfe9-d341-4b92-a64c-7e6de0543879
#   remediation: Set kms_key_id to a customer managed KMS key whose policy allows CloudWatch Logs (the fix adds one).
#   fixable: true
package palisade.aws.cloudwatch.log_group_not_encrypted

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_cloudwatch_log_group"}

deny contains fixes.finding(r, ["kms_key_id"], msg, fixes.logs_cmk_set(r, ["kms_key_id"])) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s is not encrypted with a KMS key", [r.address])
}

# Opaque calls that create a log group (see log_group_retention_missing), judged on their key
# argument ("" reaches the log group as no key). No fix: the key the resource fix adds is named
# and described after the resource.
deny contains result.fail(g.call, [g.arg], msg) if {
	some g in module_log_groups
	object.get(g.call.config, g.arg, null) in {null, ""}
	msg := sprintf("%s is not encrypted with a KMS key", [g.label])
}

module_log_groups contains {"call": m, "arg": "kms_key_id", "label": m.address} if some m in modules.log_groups

module_log_groups contains {"call": m, "arg": "cloudwatch_logs_kms_key_id", "label": label} if {
	some m in modules.lambda_functions
	object.get(m.config, "use_existing_cloudwatch_log_group", false) == false
	label := sprintf("the log group of %s", [m.address])
}

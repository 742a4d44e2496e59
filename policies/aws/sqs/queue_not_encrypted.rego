# METADATA
# title: SQS queue server-side encryption is disabled
# description: |
#   sqs_managed_sse_enabled = false without a kms_master_key_id stores messages unencrypted
#   at rest. New queues get SQS-managed encryption by default; turning it off has no benefit.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: PAL-AWS-SQS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sqs_queue, "module:terraform-aws-modules/sqs/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_27
#     trivy: AVD-AWS-0096
#     kics: 6e8849c1-3aa7-40e3-9063-b85ee300f29f
#   cwe: ["CWE-311"]
#   remediation: Set sqs_managed_sse_enabled = true, or set kms_master_key_id.
#   fixable: true
package palisade.aws.sqs.queue_not_encrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["sqs_managed_sse_enabled"], msg, [result.set(["sqs_managed_sse_enabled"], true)]) if {
	some r in tf.resources("aws_sqs_queue")
	unknown.is_false(r.config.sqs_managed_sse_enabled)
	tf.missing_attr(r, ["kms_master_key_id"])
	msg := sprintf("%s does not encrypt messages at rest", [r.address])
}

# Opaque terraform-aws-modules/sqs calls pass sqs_managed_sse_enabled and kms_master_key_id to
# the queue. Unset, SQS encrypts with SSE-SQS (the module's v4+ default, and AWS's for new
# queues), so only an explicit false is judged.
deny contains result.fail_fix(m, ["sqs_managed_sse_enabled"], msg, [result.set(["sqs_managed_sse_enabled"], true)]) if {
	some m in modules.sqs_queues
	unknown.is_false(m.config.sqs_managed_sse_enabled)
	object.get(m.config, "kms_master_key_id", null) in {null, ""}
	msg := sprintf("%s does not encrypt messages at rest", [m.address])
}

# METADATA
# title: SNS topic is not encrypted with KMS
# description: |
#   Without kms_master_key_id, messages published to the topic are stored unencrypted while SNS
#   holds them for delivery. Server-side encryption with a KMS key also lets key policy limit who
#   can publish and read.
# related_resources:
#   - ref: https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: PAL-AWS-SNS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sns_topic, "module:terraform-aws-modules/sns/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_26
#     trivy: AVD-AWS-0095
#     kics: 28545147-2fc6-42d5-a1f9-cf226658e591
#   cwe: ["CWE-311"]
#   remediation: Set kms_master_key_id (alias/aws/sns, which the quick fix uses, or a customer managed key).
#   fixable: true
package palisade.aws.sns.topic_not_encrypted

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_sns_topic"}

# The fix uses the AWS managed key; a customer managed key is better still but is the user's choice.
deny contains result.fail_fix(r, ["kms_master_key_id"], msg, [result.set(["kms_master_key_id"], "alias/aws/sns")]) if {
	some r in input.resources
	r.type in types
	no_key(tf.attr(r, ["kms_master_key_id"]))
	msg := sprintf("%s is not encrypted with KMS", [r.address])
}

# Opaque terraform-aws-modules/sns calls pass kms_master_key_id (default null in every major).
deny contains result.fail_fix(m, ["kms_master_key_id"], msg, [result.set(["kms_master_key_id"], "alias/aws/sns")]) if {
	some m in modules.sns_topics
	no_key(object.get(m.config, "kms_master_key_id", null))
	msg := sprintf("%s is not encrypted with KMS", [m.address])
}

# An empty key id is the same as none.
no_key(null) := true

no_key("") := true

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
#   resource_types: [aws_sns_topic]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_26
#     trivy: AVD-AWS-0095
#     kics: 28545147-2fc6-42d5-a1f9-cf226658e591
#   remediation: Set kms_master_key_id (alias/aws/sns or a customer managed key).
#   fixable: false
package palisade.aws.sns.topic_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_sns_topic"}

deny contains result.fail(r, ["kms_master_key_id"], msg) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["kms_master_key_id"])
	msg := sprintf("%s is not encrypted with KMS", [r.address])
}

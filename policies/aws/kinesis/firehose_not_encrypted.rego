# METADATA
# title: Firehose delivery stream does not encrypt data at rest
# description: |
#   A Direct PUT Firehose delivery stream buffers records (up to 24 hours when the destination is
#   unavailable) unencrypted unless server-side encryption is turned on; it is off by default. A
#   stream reading from a Kinesis data stream or MSK is not judged: Firehose does not take this
#   setting there, the source's own encryption applies.
# related_resources:
#   - ref: https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_firehose_delivery_stream#server_side_encryption
# custom:
#   id: PAL-AWS-KINESIS-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_240
#     kics: 5c6dd5e7-1fe0-4cae-8f81-4c122717cef3
#   cwe: ["CWE-311"]
#   remediation: Add server_side_encryption { enabled = true } (an AWS owned key; set key_type = "CUSTOMER_MANAGED_CMK" and key_arn for your own key).
#   fixable: true
package palisade.aws.kinesis.firehose_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix turns encryption on with the AWS owned key (key_type's default); it needs no key policy.
deny contains result.fail_fix(r, ["server_side_encryption"], msg(r), [result.add_block([], "server_side_encryption", {"enabled": true})]) if {
	some r in direct_put
	tf.missing_attr(r, ["server_side_encryption"])
}

deny contains result.fail_fix(r, ["server_side_encryption", i, "enabled"], msg(r), [result.set(["server_side_encryption", i, "enabled"], true)]) if {
	some r in direct_put
	some i, b in tf.blocks(r, "server_side_encryption")
	not unknown.is_true(object.get(b, "enabled", false))
	unknown.known(object.get(b, "enabled", false))
}

# Streams fed by a Kinesis data stream or an MSK cluster take their encryption from the source.
direct_put := [r |
	some r in tf.resources("aws_kinesis_firehose_delivery_stream")
	tf.missing_attr(r, ["kinesis_source_configuration"])
	tf.missing_attr(r, ["msk_source_configuration"])
]

msg(r) := sprintf("%s does not encrypt buffered records at rest", [r.address])

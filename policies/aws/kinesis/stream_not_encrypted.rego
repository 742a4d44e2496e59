# METADATA
# title: Kinesis stream is not encrypted
# description: |
#   With encryption_type NONE (the default) records are stored unencrypted in the stream for its
#   whole retention period.
# related_resources:
#   - ref: https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
# custom:
#   id: PAL-AWS-KINESIS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_kinesis_stream]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_43
#     trivy: AVD-AWS-0064
#     kics: 862fe4bf-3eec-4767-a517-40f378886b88
#   cwe: ["CWE-311"]
#   remediation: Set encryption_type = "KMS" with kms_key_id (alias/aws/kinesis or a customer managed key).
#   fixable: true
package palisade.aws.kinesis.stream_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_kinesis_stream"}

ok_values := {"KMS"}

# Fixes use the AWS managed key alias/aws/kinesis; a customer managed key is the user's choice.
deny contains result.fail_fix(r, ["encryption_type"], msg, fix) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "encryption_type", null))
	fix := array.concat([result.set(["encryption_type"], "KMS")], [result.set(["kms_key_id"], "alias/aws/kinesis") | tf.missing_attr(r, ["kms_key_id"])])
	msg := sprintf("%s is not encrypted", [r.address])
}

# KMS encryption needs a key: without kms_key_id the stream cannot actually be encrypted.
deny contains result.fail_fix(r, ["kms_key_id"], msg, [result.set(["kms_key_id"], "alias/aws/kinesis")]) if {
	some r in input.resources
	r.type in types
	object.get(r.config, "encryption_type", null) == "KMS"
	tf.missing_attr(r, ["kms_key_id"])
	msg := sprintf("%s asks for KMS encryption but names no kms_key_id", [r.address])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}

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
#     kics: 862fe4bf-3eec-4767-a517-40f378886b88
#   remediation: Set encryption_type = "KMS" with kms_key_id (alias/aws/kinesis or a customer managed key).
#   fixable: false
package palisade.aws.kinesis.stream_not_encrypted

import data.palisade.lib.result

types := {"aws_kinesis_stream"}

ok_values := {"KMS"}

deny contains result.fail(r, ["encryption_type"], msg) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "encryption_type", null))
	msg := sprintf("%s is not encrypted", [r.address])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}

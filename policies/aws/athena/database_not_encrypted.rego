# METADATA
# title: Athena database does not encrypt its query results
# description: |
#   An aws_athena_database without an encryption_configuration writes the results of the queries
#   Terraform runs against it to S3 unencrypted. Athena results often hold copies of sensitive data;
#   encrypt them with SSE-S3, SSE-KMS or CSE-KMS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/encryption.html
# custom:
#   id: PAL-AWS-ATHENA-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_athena_database]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_77
#     trivy: AVD-AWS-0006
#     kics: b2315cae-b110-4426-81e0-80bb8640cdd3
#   cwe: ["CWE-311"]
#   remediation: Add an encryption_configuration block (encryption_option SSE_S3, SSE_KMS or CSE_KMS).
#   fixable: true
package palisade.aws.athena.database_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail_fix(r, ["encryption_configuration"], msg, [fix]) if {
	some r in tf.resources("aws_athena_database")
	tf.missing_attr(r, ["encryption_configuration"])
	fix := result.add_block([], "encryption_configuration", {"encryption_option": "SSE_S3"})
	msg := sprintf("%s does not encrypt query results", [r.address])
}

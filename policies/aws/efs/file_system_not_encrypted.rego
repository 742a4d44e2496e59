# METADATA
# title: EFS file system is not encrypted at rest
# description: |
#   An EFS file system without encrypted = true stores its files and metadata unencrypted.
#   Encryption can only be chosen when the file system is created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: PAL-AWS-EFS-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_efs_file_system]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_42
#     trivy: AVD-AWS-0037
#     kics: 48207659-729f-4b5c-9402-f884257d794f
#   cwe: ["CWE-311"]
#   remediation: Set encrypted = true (optionally with kms_key_id).
#   fixable: true
package palisade.aws.efs.file_system_not_encrypted

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_efs_file_system"}

deny contains result.fail_fix(r, ["encrypted"], msg, [result.set(["encrypted"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "encrypted", null))
	msg := sprintf("%s is not encrypted at rest", [r.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

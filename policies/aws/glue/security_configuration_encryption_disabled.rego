# METADATA
# title: Glue security configuration does not encrypt all job data with KMS
# description: |
#   A Glue security configuration decides how jobs, crawlers and development endpoints encrypt what
#   they write: CloudWatch logs, job bookmarks and S3 output. Each of cloudwatch_encryption,
#   job_bookmarks_encryption and s3_encryption should use a KMS mode with a kms_key_arn; "DISABLED"
#   or a missing key leaves that data unencrypted or outside your key's control.
# related_resources:
#   - ref: https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
# custom:
#   id: PAL-AWS-GLUE-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_glue_security_configuration]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_99
#     kics: ad5b4e97-2850-4adf-be17-1d293e0b85ee
#   cwe: ["CWE-311"]
#   remediation: Set each encryption block to a KMS mode (SSE-KMS / CSE-KMS) with kms_key_arn.
#   fixable: true
package palisade.aws.glue.security_configuration_encryption_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

mode_keys := {
	"cloudwatch_encryption": "cloudwatch_encryption_mode",
	"job_bookmarks_encryption": "job_bookmarks_encryption_mode",
	"s3_encryption": "s3_encryption_mode",
}

targets contains {"resource": r, "path": ["encryption_configuration", i, kind, j], "block": b, "mode_key": mode_key} if {
	some r in tf.resources("aws_glue_security_configuration")
	some i, config in tf.blocks(r, "encryption_configuration")
	some kind, mode_key in mode_keys
	some j, b in unknown.items(object.get(config, kind, []))
}

# Mode missing or DISABLED: the mode attribute (or the block when the mode is absent).
deny contains fixes.finding(t.resource, path, msg, kms_fix(t)) if {
	some t in targets
	not kms_mode(t)
	path := array.concat(t.path, [t.mode_key])
	mode_not_kms(t)
	msg := sprintf("%s does not encrypt %s", [t.resource.address, label(t.path[2])])
}

# A KMS mode without a key.
deny contains fixes.finding(t.resource, t.path, msg, key_fix(t)) if {
	some t in targets
	kms_mode(t)
	unknown.missing(t.block, "kms_key_arn")
	msg := sprintf("%s encrypts %s without a KMS key", [t.resource.address, label(t.path[2])])
}

# With a key already in the block, the fix only turns its mode on. Without one, the fixes add one
# customer managed key for the configuration; for CloudWatch logs a key whose policy lets the
# regional CloudWatch Logs service use it.
kms_fix(t) := [set_mode(t)] if {
	not unknown.missing(t.block, "kms_key_arn")
} else := array.concat([set_mode(t)], key_fix(t)) if {
	count(key_fix(t)) > 0
} else := []

set_mode(t) := result.set(array.concat(t.path, [t.mode_key]), kms_modes[t.path[2]])

key_fix(t) := fixes.cmk_set(t.resource, array.concat(t.path, ["kms_key_arn"])) if {
	t.path[2] != "cloudwatch_encryption"
	unknown.missing(t.block, "kms_key_arn")
} else := fixes.logs_cmk_set(t.resource, array.concat(t.path, ["kms_key_arn"])) if {
	unknown.missing(t.block, "kms_key_arn")
} else := []

kms_modes := {"cloudwatch_encryption": "SSE-KMS", "job_bookmarks_encryption": "CSE-KMS", "s3_encryption": "SSE-KMS"}

kms_mode(t) if unknown.known_string(t.block[t.mode_key]) in {"SSE-KMS", "CSE-KMS"}

mode_not_kms(t) if unknown.missing(t.block, t.mode_key)

mode_not_kms(t) if unknown.known_string(t.block[t.mode_key]) == "DISABLED"

label("cloudwatch_encryption") := "CloudWatch logs"

label("job_bookmarks_encryption") := "job bookmarks"

label("s3_encryption") := "S3 output"

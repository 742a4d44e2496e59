# METADATA
# title: CodeBuild project uses the AWS managed key
# description: |
#   Without encryption_key, or with the alias/aws/s3 managed key, CodeBuild encrypts build artifacts
#   with a key whose policy you cannot change: you cannot restrict who decrypts the artifacts, nor
#   revoke access by disabling the key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
# custom:
#   id: PAL-AWS-CODEBUILD-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   references:
#     checkov: CKV_AWS_147
#     kics: 3deec14b-03d2-4d27-9670-7d79322e3340
#   allow_unknown: true
#   remediation: Set encryption_key to the ARN of a customer managed KMS key.
#   fixable: true
package palisade.aws.codebuild.project_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.kms
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix adds a customer managed key when none is set or the one set is an AWS managed key
# (by alias, or through a data source that looks one up); any other key the author chose stays.
deny contains fixes.finding(r, ["encryption_key"], msg, ops) if {
	some r in tf.resources("aws_codebuild_project")
	aws_managed(r)
	msg := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key", [r.address])
	ops := cmk_fix(r)
}

cmk_fix(r) := fixes.cmk_set(r, ["encryption_key"]) if {
	tf.missing_attr(r, ["encryption_key"])
} else := fixes.cmk_set(r, ["encryption_key"]) if {
	kms.aws_managed_alias(unknown.known_string(r.config.encryption_key))
} else := fixes.cmk_replace(r, ["encryption_key"], r.config.encryption_key["$unknown"]) if {
	unknown.is_unknown(r.config.encryption_key)
	kms.aws_managed_by_data_source(r, ["encryption_key"])
} else := []

aws_managed(r) if tf.missing_attr(r, ["encryption_key"])

aws_managed(r) if kms.aws_managed(r, ["encryption_key"])

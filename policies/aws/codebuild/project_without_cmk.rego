# METADATA
# title: CodeBuild project uses the AWS managed key
# description: |
#   Without encryption_key, or with the alias/aws/s3 managed key, CodeBuild encrypts build artifacts
#   with a key whose policy you cannot change: you cannot restrict who decrypts the artifacts, nor
#   revoke access by disabling the key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-kms.html
# custom:
#   id: PAL-AWS-CODEBUILD-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   references:
#     checkov: CKV_AWS_147
#     kics: 3deec14b-03d2-4d27-9670-7d79322e3340
#   allow_unknown: true
#   remediation: >-
#     Set encryption_key to the ARN of a customer managed KMS key whose key policy lets the
#     project's service role use it (kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*,
#     kms:DescribeKey) and keeps reads through S3 open to the account, as the CodeBuild guide's key
#     policy does - under the default key policy a service role without those actions in its own
#     IAM policy cannot write artifacts, and readers such as CodePipeline cannot read them.
#   fixable: true
package palisade.aws.codebuild.project_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.kms
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix adds a customer managed key when none is set or the one set is an AWS managed key
# (by alias, or through a data source that looks one up); any other key the author chose stays.
# CodeBuild uses the key with the service role's credentials, and the default key policy leaves
# that to IAM: a role without kms:GenerateDataKey and kms:Decrypt in its own policy would make
# every build fail to write its artifacts. So the new key's policy grants the role what the
# CodeBuild guide ("Encrypt build outputs using a customer managed key") grants it, and, as that
# policy does, lets the account's principals use the key through S3 - what the aws/s3 key allowed
# them, so whoever read the artifacts (a pipeline, a deployment) still can. With no role ARN to
# name (see role_principal) there is no fix, and the message says why.
deny contains fixes.finding(r, ["encryption_key"], message(r, ops), ops) if {
	some r in tf.resources("aws_codebuild_project")
	aws_managed(r)
	ops := cmk_fix(r)
}

message(r, ops) := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key", [r.address]) if {
	count(ops) > 0
} else := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key (%s)", [r.address, no_role_reason]) if {
	not role_principal(r)
} else := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key", [r.address])

cmk_fix(r) := key_fix(r, key_statements(r)) if {
	role_principal(r)
} else := []

key_fix(r, statements) := fixes.cmk_policy_set(r, ["encryption_key"], statements) if {
	tf.missing_attr(r, ["encryption_key"])
} else := fixes.cmk_policy_set(r, ["encryption_key"], statements) if {
	kms.aws_managed_alias(unknown.known_string(r.config.encryption_key))
} else := fixes.cmk_policy_replace(r, ["encryption_key"], statements, r.config.encryption_key["$unknown"]) if {
	unknown.is_unknown(r.config.encryption_key)
	kms.aws_managed_by_data_source(r, ["encryption_key"])
} else := []

# The actions the CodeBuild guide's key policy gives the service role and S3 readers.
key_actions := ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]

key_statements(r) := [
	{
		"sid": "CodeBuildServiceRoleUsesKey",
		"actions": key_actions,
		"resources": ["*"],
		"principals": [{"type": "AWS", "identifiers": [role_principal(r)]}],
	},
	{
		"sid": "AccountUsesKeyThroughS3",
		"actions": key_actions,
		"resources": ["*"],
		"principals": [{"type": "AWS", "identifiers": ["*"]}],
		"condition": [
			{"test": "StringEquals", "variable": "kms:ViaService", "values": [result.expr(sprintf(`"s3.${%s}.amazonaws.com"`, [fixes.region_expr(r)]))]},
			{"test": "StringEquals", "variable": "kms:CallerAccount", "values": [result.expr(fixes.account_expr(r))]},
		],
	},
]

# role_principal(r): the service role's ARN as the key policy can name it - a literal role ARN, or
# the project's own service_role expression (the provider and the CodeBuild API take the role's
# ARN there), written again in the same module. Undefined when the expression reads a role's name
# or id rather than its ARN, or reads each/count/self, which mean nothing outside the project.
role_principal(r) := arn if {
	arn := r.config.service_role
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+`, arn)
} else := result.expr(text) if {
	text := r.config.service_role["$unknown"]
	is_string(text)
	not regex.match(`\b(each|count|self)\.`, text)
	not reads_other_than_arn(r)
}

reads_other_than_arn(r) if {
	some ref in r.references
	ref.path == ["service_role"]
	object.get(ref, "attribute", null) != "arn"
}

aws_managed(r) if tf.missing_attr(r, ["encryption_key"])

aws_managed(r) if kms.aws_managed(r, ["encryption_key"])

no_role_reason := "no fix: the new key's policy must grant the service role, and service_role names no role ARN here"

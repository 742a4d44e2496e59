# METADATA
# title: CodePipeline artifact store uses the AWS managed key
# description: |
#   Without an encryption_key, or with the alias/aws/s3 managed key, CodePipeline encrypts the
#   artifacts it passes between stages - source code, build outputs, deployment bundles - with a
#   key whose policy you cannot change: you cannot limit who decrypts them, revoke access by
#   disabling the key, or let another account's actions read them. The AWS managed key still
#   encrypts the artifacts, so this is low severity, as for CodeBuild (PAL-AWS-CODEBUILD-001).
# related_resources:
#   - ref: https://docs.aws.amazon.com/codepipeline/latest/userguide/S3-artifact-encryption.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codepipeline#encryption_key
# custom:
#   id: PAL-AWS-CODEPIPELINE-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_codepipeline]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_219
#   allow_unknown: true
#   remediation: >-
#     Add encryption_key { id = <customer managed key ARN>, type = "KMS" } to the artifact store,
#     with a key policy that lets the pipeline's role use the key and the account's principals use
#     it through S3 (the action roles read and write the artifacts through S3); a key in each
#     Region of a multi-Region pipeline.
#   fixable: true
package palisade.aws.codepipeline.artifact_store_without_cmk

import data.palisade.lib.fixes
import data.palisade.lib.kms
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# An artifact store with no encryption_key block (CodePipeline then uses aws/s3).
deny contains fixes.finding(r, ["artifact_store", i, "encryption_key"], message(r, ops), ops) if {
	some r in tf.resources("aws_codepipeline")
	some i, store in tf.blocks(r, "artifact_store")
	count(unknown.items(object.get(store, "encryption_key", []))) == 0
	not unknown.is_unknown(object.get(store, "encryption_key", []))
	ops := add_key_fix(r, i)
}

# A block naming an AWS managed key: by alias (alias/aws/s3, or its ARN), or through a data source
# that looks one up. The reported id is replaced by the new key's ARN.
deny contains fixes.finding(r, path, message(r, ops), ops) if {
	some r in tf.resources("aws_codepipeline")
	some i, store in tf.blocks(r, "artifact_store")
	some j, _ in unknown.items(object.get(store, "encryption_key", []))
	path := ["artifact_store", i, "encryption_key", j, "id"]
	kms.aws_managed(r, path)
	ops := replace_key_fix(r, path)
}

# The fix gives the pipeline a new key whose policy lets its role use it (CodePipeline encrypts and
# decrypts with the role's credentials) and lets the account's principals use it through S3 only
# (kms:ViaService), as aws/s3 did: the CodeBuild, CodeDeploy, CloudFormation or Lambda roles of the
# actions reach the artifacts through S3. Only for a pipeline with one artifact store: a
# multi-Region pipeline (artifact_store blocks with region) needs a key in each Region, which a key
# created with the pipeline's provider is not.
add_key_fix(r, i) := array.concat(fixes.cmk_policy_ops(r, statements(r)), [block]) if {
	single_store(r)
	block := result.add_block(["artifact_store", i], "encryption_key", {"id": fixes.cmk_arn(r), "type": "KMS"})
} else := []

replace_key_fix(r, path) := fixes.cmk_policy_set(r, path, statements(r)) if {
	single_store(r)
	kms.aws_managed_alias(unknown.known_string(tf.attr(r, path)))
} else := fixes.cmk_policy_replace(r, path, statements(r), tf.attr(r, path)["$unknown"]) if {
	single_store(r)
	kms.aws_managed_by_data_source(r, path)
} else := []

single_store(r) if {
	count(tf.blocks(r, "artifact_store")) == 1
	tf.missing_attr(r, ["artifact_store", 0, "region"])
	role_principal(r)
}

key_actions := ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]

statements(r) := [
	{
		"sid": "PipelineRoleUsesKey",
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

# role_principal(r): the pipeline role's ARN as a key policy can name it - a literal role ARN, or
# the pipeline's own role_arn expression when it reads a role's arn (not its name or id) and no
# each/count/self, which mean nothing outside the pipeline.
role_principal(r) := arn if {
	arn := r.config.role_arn
	is_string(arn)
	regex.match(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+`, arn)
} else := result.expr(text) if {
	text := r.config.role_arn["$unknown"]
	is_string(text)
	not regex.match(`\b(each|count|self)\.`, text)
	not reads_other_than_arn(r)
}

reads_other_than_arn(r) if {
	some ref in r.references
	ref.path == ["role_arn"]
	object.get(ref, "attribute", null) != "arn"
}

message(r, ops) := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key", [r.address]) if {
	count(ops) > 0
} else := sprintf("%s encrypts its artifacts with the AWS managed key, not a customer managed KMS key (%s)", [r.address, no_fix_reason(r)])

no_fix_reason(r) := "no fix: a multi-Region pipeline needs a key in each Region" if {
	count(tf.blocks(r, "artifact_store")) > 1
} else := "no fix: the artifact store names a Region, where a key of the pipeline's provider is not" if {
	tf.has_attr(r, ["artifact_store", 0, "region"])
} else := "no fix: the new key's policy must grant the pipeline's role, and role_arn names no role ARN here" if {
	not role_principal(r)
} else := "no fix: a key named after the pipeline cannot be added here"

# METADATA
# title: CodeBuild project turns off encryption of its artifacts or S3 logs
# description: |
#   encryption_disabled = true makes CodeBuild write the build's output artifacts (or its build
#   logs in S3) without encrypting them, where they would otherwise be encrypted with the project's
#   KMS key (or the AWS managed key for S3). Artifacts and logs carry compiled code, packaged
#   secrets and environment details; stored unencrypted, anyone who can read the bucket reads them
#   and no key policy stands in the way. Only S3 artifacts (the one type the switch applies to)
#   and S3 logs that are enabled are judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectArtifacts.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/codebuild-project-artifact-encryption.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3
# custom:
#   id: PAL-AWS-CODEBUILD-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_78, CKV_AWS_311]
#     trivy: AVD-AWS-0018
#   cwe: ["CWE-311"]
#   remediation: Remove encryption_disabled (or set it to false) so artifacts and logs are encrypted.
#   fixable: true
package palisade.aws.codebuild.project_encryption_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The peers' ids of each part (docs/rules-authoring.md, "Peer ids per part"): Checkov's
# CodeBuildProjectEncryption reads artifacts[0] only and CodebuildS3LogsEncrypted the S3 logs; Trivy's
# enable-encryption reads the artifacts and secondary artifacts, never the logs.
peers := {
	"artifacts": {"checkov": ["CKV_AWS_78"], "trivy": ["AVD-AWS-0018"]},
	"secondary_artifacts": {"trivy": ["AVD-AWS-0018"]},
	"s3_logs": {"checkov": ["CKV_AWS_311"]},
}

deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, false)]), peers[name]) if {
	some r in tf.resources("aws_codebuild_project")
	some name in ["artifacts", "secondary_artifacts"]
	some i, artifacts in tf.blocks(r, name)
	unknown.is_true(object.get(artifacts, "encryption_disabled", false))
	not not_s3(artifacts)
	path := [name, i, "encryption_disabled"]
	msg := sprintf("%s stores its build artifacts unencrypted", [r.address])
}

deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, false)]), peers.s3_logs) if {
	some r in tf.resources("aws_codebuild_project")
	some i, logs in tf.blocks(r, "logs_config")
	some j, s3 in unknown.items(object.get(logs, "s3_logs", []))
	upper(unknown.known_string(object.get(s3, "status", "DISABLED"))) == "ENABLED"
	unknown.is_true(object.get(s3, "encryption_disabled", false))
	path := ["logs_config", i, "s3_logs", j, "encryption_disabled"]
	msg := sprintf("%s stores its build logs in S3 unencrypted", [r.address])
}

# encryption_disabled applies to S3 artifacts only (AWS rejects it on other types): an explicit
# true is reported unless the block is known to be of another type (NO_ARTIFACTS, CODEPIPELINE).
not_s3(artifacts) if upper(unknown.known_string(artifacts.type)) != "S3"

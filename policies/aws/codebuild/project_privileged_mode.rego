# METADATA
# title: CodeBuild project runs builds in privileged mode
# description: |
#   With privileged_mode = true the build container gets access to every device of the host and
#   can run its own Docker daemon, so a compromised build step (a dependency, a pull request's
#   buildspec) can reach beyond its container. AWS advises it only for projects that build Docker
#   images; every other project should leave it off. Advisory: a project that builds images needs
#   it, and turning it off would break those builds, so no fix is offered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/codebuild-project-environment-privileged-check.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html
# custom:
#   id: PAL-AWS-CODEBUILD-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_316
#   cwe: ["CWE-250"]
#   remediation: Set privileged_mode = false unless the project builds Docker images.
#   fixable: false
package palisade.aws.codebuild.project_privileged_mode

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Only a privileged_mode that is known to be true is reported (the held-out aws-ia codebuild
# module writes it literally); its default is false.
warn contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_codebuild_project")
	some i, env in tf.blocks(r, "environment")
	unknown.is_true(object.get(env, "privileged_mode", false))
	path := ["environment", i, "privileged_mode"]
	msg := sprintf("%s runs its builds in privileged mode", [r.address])
}

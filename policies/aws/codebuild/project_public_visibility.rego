# METADATA
# title: CodeBuild project's builds are public
# description: |
#   project_visibility = "PUBLIC_READ" makes every build of the project, including builds run while
#   it was private, readable by anyone: build results, logs and artifacts. Secrets a build prints,
#   environment values and source code can end up in those logs, and a public project's artifacts
#   can be used to hand out tampered builds. The default is PRIVATE, so PUBLIC_READ is always
#   written on purpose (open-source projects publish their build status this way), and links to
#   the public builds live outside the configuration: no fix is offered, turning the project
#   private is the owner's decision.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/public-builds.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_UpdateProjectVisibility.html
# custom:
#   id: PAL-AWS-CODEBUILD-006
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-200"]
#   remediation: Set project_visibility = "PRIVATE" unless the builds are meant to be public; keep secrets out of build output either way.
#   fixable: false
package palisade.aws.codebuild.project_public_visibility

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The API's values are PUBLIC_READ and PRIVATE (case-sensitive); only a known PUBLIC_READ counts.
deny contains result.fail(r, ["project_visibility"], msg) if {
	some r in tf.resources("aws_codebuild_project")
	unknown.known_string(object.get(r.config, "project_visibility", null)) == "PUBLIC_READ"
	msg := sprintf("%s makes its build results, logs and artifacts public", [r.address])
}

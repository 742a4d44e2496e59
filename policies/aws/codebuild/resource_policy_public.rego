# METADATA
# title: CodeBuild project or report group resource policy allows anyone
# description: |
#   CodeBuild resource policies share a project or report group with other accounts. An Allow
#   statement in an aws_codebuild_resource_policy whose principal is "*" (or {"AWS": "*"}, or an
#   Allow with NotPrincipal) and that no condition scopes to an organization or account lets any
#   AWS account read the project's configuration and builds (BatchGetProjects, BatchGetBuilds,
#   ListBuildsForProject) or the group's test reports — environment variables, source locations
#   and build output that are often meant for the team alone. Sharing is meant for named accounts
#   (through AWS RAM or a policy naming them). A project made public on purpose uses
#   project_visibility (PAL-AWS-CODEBUILD-006), not a resource policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/project-sharing.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/report-groups-sharing.html
#   - ref: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_PutResourcePolicy.html
# custom:
#   id: PAL-AWS-CODEBUILD-007
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_codebuild_resource_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts the project or report group is shared with, or scope the statement with aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.codebuild.resource_policy_public

# No fix: the accounts meant to see the builds are not in the configuration. One finding per
# document, on policy; each open statement is related.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_codebuild_resource_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the resource policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

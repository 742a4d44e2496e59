# METADATA
# title: CodeArtifact domain or repository policy allows anyone
# description: |
#   An Allow statement in a CodeArtifact domain or repository permissions policy whose principal
#   is "*" (or {"AWS": "*"}, or an Allow with NotPrincipal) and that no condition scopes to an
#   organization, account or source lets principals of every AWS account act on the domain or
#   repository. A domain policy is evaluated for every repository and package in the domain; with
#   codeartifact:GetAuthorizationToken and ReadFromRepository (or broader actions) any account can
#   download private packages, and write actions let it publish package versions that the owner's
#   builds then consume. By default only the owning account has access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codeartifact/latest/ug/repo-policies.html
#   - ref: https://docs.aws.amazon.com/codeartifact/latest/ug/domain-policies.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codeartifact_repository_permissions_policy
# custom:
#   id: PAL-AWS-CODEARTIFACT-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_codeartifact_domain_permissions_policy, aws_codeartifact_repository_permissions_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles that need the domain or repository, or scope the statement with aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.codeartifact.permissions_policy_public

# No fix: the accounts meant to use the packages are not in the configuration, and the rule never
# removes a principal the author named. One finding per document, on policy_document; each open
# statement is a related location (as GLACIER-001).

import data.palisade.lib.resource_policy
import data.palisade.lib.result

types := {"aws_codeartifact_domain_permissions_policy", "aws_codeartifact_repository_permissions_policy"}

deny contains result.with_related(result.fail(r, ["policy_document"], msg), related) if {
	some r in input.resources
	r.type in types
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy_document))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy_document"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the permissions policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

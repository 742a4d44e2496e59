# METADATA
# title: ECR repository policy allows anyone
# description: |
#   A repository policy statement allows actions to the principal "*" without conditions, so any
#   AWS account can pull (and, depending on the actions, push or delete) images. Private images
#   often contain proprietary code and embedded configuration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
# custom:
#   id: PAL-AWS-ECR-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecr_repository_policy, "module:terraform-aws-modules/ecr/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_32
#     trivy: AVD-AWS-0032
#     kics: e86e26fc-489e-44f0-9bcd-97305e4ba69a
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles allowed to use the repository.
#   fixable: false
package palisade.aws.ecr.repository_policy_public

import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result

types := {"aws_ecr_repository_policy"}

# One finding per document, on the attribute that holds it; each open statement is related.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in input.resources
	r.type in types
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s grants access to anyone", [r.address])
}

# Opaque terraform-aws-modules/ecr calls attach (attach_repository_policy, default true) either
# the policy the module builds from repository_*_access_arns (create_repository_policy, default
# true) or, with create_repository_policy = false, repository_policy as given: that one is judged.
deny contains result.with_related(result.fail(m, ["repository_policy"], msg), related) if {
	some m in modules.ecr_repositories
	object.get(m.config, "attach_repository_policy", true) == true
	m.config.create_repository_policy == false
	entries := resource_policy.any_principal_statements(resource_policy.document(m.config.repository_policy))
	count(entries) > 0
	related := [result.related(m, array.concat(["repository_policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the repository policy of %s grants access to anyone", [m.address])
}

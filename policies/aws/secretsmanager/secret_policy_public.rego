# METADATA
# title: Secrets Manager secret policy allows any principal
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) and that no condition scopes to an
#   organization, account, source ARN or VPC endpoint grants its actions to every AWS account and,
#   where the service allows it, to anonymous callers. Secrets Manager secret policies should name
#   the principals that need access. The policy may be an aws_secretsmanager_secret_policy or the
#   secret's own policy argument.
# related_resources:
#   - ref: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
# custom:
#   id: PAL-AWS-SECRETSMANAGER-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_secretsmanager_secret_policy, aws_secretsmanager_secret]
#   frameworks: {}
#   references:
#     kics: fa00ce45-386d-4718-8392-fb485e1f3c5b
#   cwe: ["CWE-732"]
#   remediation: Name the principals that need access, or scope the statement with a condition such as aws:PrincipalOrgID or aws:SourceArn.
#   fixable: false
#   allow_unknown: true
package palisade.aws.secretsmanager.secret_policy_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per policy, on the policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in array.concat(tf.resources("aws_secretsmanager_secret_policy"), inline_policies)
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# Round 33: aws_secretsmanager_secret's own policy argument sets the same resource policy.
inline_policies := [r |
	some r in tf.resources("aws_secretsmanager_secret")
	r.config.policy != null
]

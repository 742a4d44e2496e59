# METADATA
# title: EFS file system policy allows any principal
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) and that no condition scopes to an
#   organization, account, source ARN or VPC endpoint grants its actions to every AWS account and,
#   where the service allows it, to anonymous callers. EFS file system policies should name the
#   principals that need access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
# custom:
#   id: PAL-AWS-EFS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_efs_file_system_policy]
#   frameworks: {}
#   references:
#     kics: fae52418-bb8b-4ac2-b287-0b9082d6a3fd
#   cwe: ["CWE-732"]
#   remediation: Name the principals that need access, or scope the statement with a condition such as aws:PrincipalOrgID or aws:SourceArn.
#   fixable: false
#   allow_unknown: true
package palisade.aws.efs.file_system_policy_public

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

# One finding per policy, on the policy attribute; the open statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_efs_file_system_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

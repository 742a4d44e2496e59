# METADATA
# title: EFS file system policy allows any principal
# description: |
#   An Allow statement whose principal is "*" (or {"AWS": "*"}) and that no condition scopes to an
#   organization, account, source ARN or VPC endpoint grants its actions to every AWS account and,
#   where the service allows it, to anonymous callers. EFS file system policies should name the
#   principals that need access. A statement allowed only when elasticfilesystem:AccessedViaMountTarget
#   is true (as the EFS console's preset policies write it, or ["true"]) is not reported: it reaches only clients
#   that connect to a mount target, which the default policy already admits.
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
	entries := [e |
		some e in resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
		not via_mount_target_only(e.statement)
	]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

# via_mount_target_only(s): the statement applies only to NFS clients that reach a mount target
# (Bool elasticfilesystem:AccessedViaMountTarget true), as the EFS console's preset policies write
# it. That is what the default policy already allows to any client a mount target's security
# group admits, so it opens nothing to other accounts.
via_mount_target_only(s) if {
	some operator, keys in s.Condition
	lower(operator) == "bool"
	some key, value in keys
	lower(key) == "elasticfilesystem:accessedviamounttarget"
	every v in as_list(value) {
		lower(sprintf("%v", [v])) == "true"
	}
}

# IAM ORs a condition's list of values: ["true"] (jsonencode of a list) is the same as "true".
as_list(v) := v if is_array(v)

as_list(v) := [v] if not is_array(v)

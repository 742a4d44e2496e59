# METADATA
# title: AWS Backup vault access policy allows anyone
# description: |
#   An Allow statement in an aws_backup_vault_policy whose principal is "*" (or {"AWS": "*"}, or an
#   Allow with NotPrincipal) and that no condition scopes to an organization, account, source ARN
#   or VPC endpoint opens the vault's allowed actions to every AWS account. The AWS Backup
#   Developer Guide shares a vault for cross-account copies by naming the accounts, or by
#   Principal "*" with an aws:PrincipalOrgID condition; without one, any account can copy its
#   recovery points into the vault (stored and billed there) and call whatever else the statement
#   allows on it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html
# custom:
#   id: PAL-AWS-BACKUP-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_backup_vault_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts that copy into the vault, or scope the statement with aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.backup.vault_policy_public

# One finding per policy, on `policy`; the open statements are related locations (as GLACIER-001).
# No fix: which accounts or which organization the vault is meant for is not in the configuration.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(p, ["policy"], msg), related) if {
	some p in tf.resources("aws_backup_vault_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(tf.attr(p, ["policy"])))
	count(entries) > 0
	related := [result.related(p, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the access policy %s allows %s to any principal", [p.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

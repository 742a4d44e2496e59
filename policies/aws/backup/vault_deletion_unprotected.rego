# METADATA
# title: AWS Backup vault does not protect its recovery points from deletion
# description: |
#   A backup vault created without an access policy or a Vault Lock lets any principal whose IAM
#   policies allow backup:DeleteRecoveryPoint delete its recovery points, including an attacker
#   holding stolen administrator credentials, who then finds nothing to restore from. The AWS Backup
#   Developer Guide protects a vault with an access policy that denies backup:DeleteRecoveryPoint to
#   "*" (exceptions for a break-glass role go in its condition); a Vault Lock
#   (aws_backup_vault_lock_configuration) stops deletion before the minimum retention as well. AWS
#   Config (backup-recovery-point-manual-deletion-disabled) checks for such a Deny. Reported for an
#   aws_backup_vault with neither: no aws_backup_vault_policy for it whose policy denies the action
#   to every principal, and no lock configuration. Quiet when a policy or lock names a vault the
#   configuration cannot tie to one of its vaults (a variable, a module output), or when the policy
#   document cannot be read: either may protect this vault.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html
# custom:
#   id: PAL-AWS-BACKUP-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_backup_vault, aws_backup_vault_policy, aws_backup_vault_lock_configuration]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-693"]
#   remediation: >-
#     Add an aws_backup_vault_policy for the vault with a statement that denies
#     backup:DeleteRecoveryPoint to Principal "*" (exempting a break-glass role through a
#     condition if one is needed), or lock the vault with aws_backup_vault_lock_configuration.
#   fixable: false
package palisade.aws.backup.vault_deletion_unprotected

# No fix: a Deny for every principal also stops the people who delete recovery points on purpose
# today, and a Vault Lock in compliance mode cannot be undone once its grace time ends; which of
# the two, and whom to exempt, is the owner's decision.

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(v, [], msg) if {
	some v in tf.resources("aws_backup_vault")
	not protected(v)
	msg := sprintf("%s has no access policy denying backup:DeleteRecoveryPoint to every principal and no Vault Lock", [v.address])
}

protected(v) if {
	some l in tf.resources("aws_backup_vault_lock_configuration")
	may_target(l, v)
}

protected(v) if {
	some p in tf.resources("aws_backup_vault_policy")
	may_target(p, v)
	may_deny_deletion(p)
}

# may_target(c, v): the policy or lock names the vault by reference or by its known name, or
# names a vault the configuration cannot identify (it may be this one).
may_target(c, v) if {
	some ref in c.references
	ref.path == ["backup_vault_name"]
	tf.refers_to(ref.target, v.address)
}

may_target(c, v) if {
	name := unknown.known_string(tf.attr(c, ["backup_vault_name"]))
	name == unknown.known_string(tf.attr(v, ["name"]))
}

may_target(c, _) if {
	unknown.is_unknown(tf.attr(c, ["backup_vault_name"]))
	count(tf.references_to(c, ["backup_vault_name"], "aws_backup_vault")) == 0
}

may_target(c, v) if {
	is_string(tf.attr(c, ["backup_vault_name"]))
	unknown.is_unknown(tf.attr(v, ["name"]))
}

may_deny_deletion(p) if not resource_policy.document(tf.attr(p, ["policy"]))

may_deny_deletion(p) if {
	doc := resource_policy.document(tf.attr(p, ["policy"]))
	some entry in iam.statements(doc)
	denies_deletion_to_all(entry.statement)
}

denies_deletion_to_all(s) if {
	iam.is_deny(s)
	iam.principal_is_public(s)
	some a in iam.actions(s)
	is_string(a)
	glob.match(lower(a), [], "backup:deleterecoverypoint")
}

# An unknown Action (a variable) may name the action.
denies_deletion_to_all(s) if {
	iam.is_deny(s)
	iam.principal_is_public(s)
	unknown.is_unknown(object.get(s, "Action", null))
}

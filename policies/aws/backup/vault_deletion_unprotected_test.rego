package palisade.aws.backup.vault_deletion_unprotected_test

import data.palisade.aws.backup.vault_deletion_unprotected as rule

vault := {"address": "aws_backup_vault.main", "type": "aws_backup_vault", "name": "main", "config": {"name": "main"}, "references": []}

policy(doc) := {
	"address": "aws_backup_vault_policy.main", "type": "aws_backup_vault_policy", "name": "main",
	"config": {"backup_vault_name": {"$unknown": "aws_backup_vault.main.name"}, "policy": doc},
	"references": [{"path": ["backup_vault_name"], "target": "aws_backup_vault.main"}],
}

deny_delete(extra) := object.union({"Effect": "Deny", "Principal": "*", "Action": "backup:DeleteRecoveryPoint", "Resource": "*"}, extra)

test_vault_alone_fires if {
	rule.deny == {{"msg": "aws_backup_vault.main has no access policy denying backup:DeleteRecoveryPoint to every principal and no Vault Lock", "resource": "aws_backup_vault.main", "path": []}} with input as {"resources": [vault]}
}

test_deny_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [vault, policy({"Version": "2012-10-17", "Statement": [deny_delete({})]})]}
	count(rule.deny) == 0 with input as {"resources": [vault, policy({"Statement": deny_delete({"Principal": {"AWS": "*"}, "Action": ["backup:Delete*", "backup:UpdateRecoveryPointLifecycle"]})})]}
	count(rule.deny) == 0 with input as {"resources": [vault, policy({"Statement": [deny_delete({"Action": "backup:*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/break-glass"}}})]})]}
}

test_policy_without_the_deny_fires if {
	allow_copy := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "backup:CopyIntoBackupVault", "Resource": "*"}
	count(rule.deny) == 1 with input as {"resources": [vault, policy({"Statement": [allow_copy]})]}
	count(rule.deny) == 1 with input as {"resources": [vault, policy({"Statement": [deny_delete({"Principal": {"AWS": "arn:aws:iam::111122223333:role/ops"}})]})]}
	count(rule.deny) == 1 with input as {"resources": [vault, policy({"Statement": [deny_delete({"Action": "backup:DeleteBackupVault"})]})]}
	count(rule.deny) == 1 with input as {"resources": [vault, policy({"Statement": [deny_delete({"Effect": "Allow"})]})]}
}

test_lock_passes if {
	lock := {"address": "aws_backup_vault_lock_configuration.main", "type": "aws_backup_vault_lock_configuration", "name": "main", "config": {"backup_vault_name": {"$unknown": "aws_backup_vault.main.name"}, "min_retention_days": 7}, "references": [{"path": ["backup_vault_name"], "target": "aws_backup_vault.main"}]}
	count(rule.deny) == 0 with input as {"resources": [vault, lock]}
}

test_companion_for_another_vault_fires if {
	other := {"address": "aws_backup_vault.other", "type": "aws_backup_vault", "name": "other", "config": {"name": "other"}, "references": []}
	p := object.union(policy({"Statement": [deny_delete({})]}), {"references": [{"path": ["backup_vault_name"], "target": "aws_backup_vault.other"}]})
	rule.deny == {{"msg": "aws_backup_vault.main has no access policy denying backup:DeleteRecoveryPoint to every principal and no Vault Lock", "resource": "aws_backup_vault.main", "path": []}} with input as {"resources": [vault, other, p]}
}

test_literal_name_matches if {
	p := object.union(policy({"Statement": [deny_delete({})]}), {"config": {"backup_vault_name": "main"}, "references": []})
	count(rule.deny) == 0 with input as {"resources": [vault, p]}
	q := object.union(policy({"Statement": [deny_delete({})]}), {"config": {"backup_vault_name": "archive"}, "references": []})
	count(rule.deny) == 1 with input as {"resources": [vault, q]}
}

test_unknowns_stay_quiet if {
	# A policy for a vault named by a variable, or a document that cannot be read, may protect it.
	p := object.union(policy({"Statement": [deny_delete({})]}), {"config": {"backup_vault_name": {"$unknown": "var.vault"}}, "references": []})
	count(rule.deny) == 0 with input as {"resources": [vault, p]}
	count(rule.deny) == 0 with input as {"resources": [vault, policy({"$unknown": "data.aws_iam_policy_document.vault.json"})]}
	named_by_var := object.union(vault, {"config": {"name": {"$unknown": "var.name"}}})
	q := object.union(policy({"Statement": [deny_delete({})]}), {"config": {"backup_vault_name": "main"}, "references": []})
	count(rule.deny) == 0 with input as {"resources": [named_by_var, q]}
	count(rule.deny) == 0 with input as {"resources": [vault, policy({"Statement": [deny_delete({"Action": {"$unknown": "var.actions"}})]})]}
}

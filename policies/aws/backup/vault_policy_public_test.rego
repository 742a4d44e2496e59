package palisade.aws.backup.vault_policy_public_test

import data.palisade.aws.backup.vault_policy_public as rule

policy(doc) := {"resources": [{
	"address": "aws_backup_vault_policy.shared", "type": "aws_backup_vault_policy", "name": "shared", "references": [],
	"config": {"backup_vault_name": "shared", "policy": doc},
}]}

statement(extra) := object.union({"Effect": "Allow", "Action": "backup:CopyIntoBackupVault", "Resource": "*"}, extra)

test_anyone_fires if {
	some f in rule.deny with input as policy({"Version": "2012-10-17", "Statement": [statement({"Principal": "*"})]})
	f.resource == "aws_backup_vault_policy.shared"
	f.path == ["policy"]
	f.msg == "the access policy aws_backup_vault_policy.shared allows backup:CopyIntoBackupVault to any principal"
	count(rule.deny) == 1 with input as policy({"Statement": statement({"Principal": {"AWS": "*"}})})
	count(rule.deny) == 1 with input as policy({"Statement": [statement({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})]})
}

test_named_or_scoped_passes if {
	count(rule.deny) == 0 with input as policy({"Statement": [statement({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}})]})
	count(rule.deny) == 0 with input as policy({"Statement": [statement({"Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})]})
	count(rule.deny) == 0 with input as policy({"Statement": [statement({"Effect": "Deny", "Principal": "*", "Action": "backup:DeleteRecoveryPoint"})]})
}

test_ip_condition_does_not_scope if {
	count(rule.deny) == 1 with input as policy({"Statement": [statement({"Principal": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]})
}

test_unknown_policy_passes if {
	count(rule.deny) == 0 with input as policy({"$unknown": "var.policy"})
}

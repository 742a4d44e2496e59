package palisade.aws.glacier.vault_policy_public_test

import data.palisade.aws.glacier.vault_policy_public as rule

vault(policy) := {"resources": [{
	"address": "aws_glacier_vault.archive", "type": "aws_glacier_vault", "name": "archive", "references": [],
	"config": {"name": "archive", "access_policy": policy},
}]}

statement(extra) := object.union({"Effect": "Allow", "Action": ["glacier:ListArchives", "glacier:InitiateJob"], "Resource": "arn:aws:glacier:eu-west-1:111122223333:vaults/archive"}, extra)

test_anyone_fires if {
	some f in rule.deny with input as vault({"Version": "2012-10-17", "Statement": [statement({"Principal": "*"})]})
	f.resource == "aws_glacier_vault.archive"
	f.path == ["access_policy"]
	count(rule.deny) == 1 with input as vault({"Statement": [statement({"Principal": {"AWS": "*"}})]})
	count(rule.deny) == 1 with input as vault({"Statement": [statement({"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})]})
}

test_named_or_scoped_passes if {
	count(rule.deny) == 0 with input as vault({"Statement": [statement({"Principal": {"AWS": "arn:aws:iam::444455556666:root"}})]})
	count(rule.deny) == 0 with input as vault({"Statement": [statement({"Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}})]})
	count(rule.deny) == 0 with input as vault({"Statement": [statement({"Effect": "Deny", "Principal": "*"})]})
}

test_no_or_unknown_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_glacier_vault.archive", "type": "aws_glacier_vault", "name": "archive", "references": [], "config": {"name": "archive"}}]}
	count(rule.deny) == 0 with input as vault({"$unknown": "var.policy"})
}

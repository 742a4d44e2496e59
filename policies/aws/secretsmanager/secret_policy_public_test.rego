package palisade.aws.secretsmanager.secret_policy_public_test

import data.palisade.aws.secretsmanager.secret_policy_public as rule

bad := {"resources": [{"address": "aws_secretsmanager_secret_policy.this", "type": "aws_secretsmanager_secret_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "x:Get"}]}}, "references": []}]}

good_0 := {"resources": [{"address": "aws_secretsmanager_secret_policy.this", "type": "aws_secretsmanager_secret_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "x:Get"}]}}, "references": []}]}

good_1 := {"resources": [{"address": "aws_secretsmanager_secret_policy.this", "type": "aws_secretsmanager_secret_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "x:Get", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}]}}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_secretsmanager_secret_policy.this", "type": "aws_secretsmanager_secret_policy", "name": "this", "config": {"policy": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_secretsmanager_secret_policy.this", "type": "aws_secretsmanager_secret_policy", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"$unknown": "var.x"}, "Action": "x:Get"}]}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "the policy of aws_secretsmanager_secret_policy.this allows x:Get to any principal", "resource": "aws_secretsmanager_secret_policy.this", "path": ["policy"], "related": [{"resource": "aws_secretsmanager_secret_policy.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

# Round 33 (Prowler secretsmanager_not_publicly_accessible): the secret's own policy argument is
# the same resource policy as an aws_secretsmanager_secret_policy.
secret(config) := {"address": "aws_secretsmanager_secret.this", "type": "aws_secretsmanager_secret", "name": "this", "config": config, "references": []}

test_inline_secret_policy_fires if {
	rule.deny == {{"msg": "the policy of aws_secretsmanager_secret.this allows x:Get to any principal", "resource": "aws_secretsmanager_secret.this", "path": ["policy"], "related": [{"resource": "aws_secretsmanager_secret.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}]}} with input as {"resources": [secret({"name": "db", "policy": bad.resources[0].config.policy})]}
	count(rule.deny) == 0 with input as {"resources": [secret({"name": "db"})]}
	count(rule.deny) == 0 with input as {"resources": [secret({"name": "db", "policy": good_1.resources[0].config.policy})]}
}

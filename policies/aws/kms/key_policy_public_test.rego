package palisade.aws.kms.key_policy_public_test

import data.palisade.aws.kms.key_policy_public as rule

key(statement) := {"address": "aws_kms_key.app", "type": "aws_kms_key", "name": "app", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_principal_fires if {
	rule.deny == {{
		"msg": "the key policy of aws_kms_key.app allows any principal",
		"resource": "aws_kms_key.app", "path": ["policy", "Statement", 0, "Principal"],
	}} with input as {"resources": [key({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"})]}
}

test_account_root_or_condition_passes if {
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.admins"}}, "Action": "kms:*", "Resource": "*"})]}
}

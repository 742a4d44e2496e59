package palisade.aws.iam.resource_policy_without_principal_test

import data.palisade.aws.iam.resource_policy_without_principal as rule

key(statement) := {"address": "aws_kms_key.k", "type": "aws_kms_key", "name": "k", "references": [], "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}}

test_missing_principal_fires if {
	rule.deny == {{
		"msg": "aws_kms_key.k has a policy statement without a Principal",
		"resource": "aws_kms_key.k", "path": ["policy"],
		"related": [{"resource": "aws_kms_key.k", "path": ["policy", "Statement", 0], "msg": "names no Principal or NotPrincipal"}],
	}} with input as {"resources": [key({"Effect": "Allow", "Action": "kms:*", "Resource": "*"})]}
}

test_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}})]}
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Deny", "Action": "kms:*", "Resource": "*", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}})]}
	identity := {"address": "aws_iam_policy.p", "type": "aws_iam_policy", "name": "p", "references": [], "config": {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}}
	count(rule.deny) == 0 with input as {"resources": [identity]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [key({"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Principal": {"$unknown": "var.principal"}})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.k", "type": "aws_kms_key", "name": "k", "references": [], "config": {"policy": {"$unknown": "var.policy"}}}]}
}

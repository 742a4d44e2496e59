package palisade.aws.kms.key_policy_public_test

import data.palisade.aws.kms.key_policy_public as rule

res(statement) := {"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"policy": {"Version": "2012-10-17", "Statement": [statement]}}, "references": []}

test_public_statement_fires if {
	rule.deny == {{
		"msg": "the key policy of aws_kms_key.this allows kms:* to any principal",
		"resource": "aws_kms_key.this", "path": ["policy"],
		"related": [{"resource": "aws_kms_key.this", "path": ["policy", "Statement", 0, "Principal"], "msg": "open to any principal"}],
	}} with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*"})]}
}

test_ip_condition_alone_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "kms:*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})]}
}

test_named_or_scoped_principal_passes if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [res({"Effect": "Allow", "Principal": {"AWS": {"$unknown": "var.p"}}, "Action": "*"})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kms_key.this", "type": "aws_kms_key", "name": "this", "config": {"policy": {"$unknown": "var.doc"}}, "references": []}]}
}

call(config) := {"address": "module.key", "source": "terraform-aws-modules/kms/aws", "config": config}

test_opaque_module_policy_open_to_anyone_fires if {
	policy := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}]}
	some f in rule.deny with input as {"resources": [], "modules": [call({"policy": policy})]}
	f.resource == "module.key"
	f.path == ["policy"]
}

test_opaque_module_without_policy_or_scoped_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"key_users": ["arn:aws:iam::111122223333:role/app"]})]}
	scoped := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"policy": scoped})]}
}

# clouddrove/kms/aws passes `policy` to its key; its examples grant kms:* to {"AWS": "*"}.
clouddrove(config) := {"address": "module.kms_key", "source": "clouddrove/kms/aws", "version": "1.3.1", "config": config}

test_opaque_clouddrove_policy_open_to_anyone_fires if {
	policy := {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}
	some f in rule.deny with input as {"resources": [], "modules": [clouddrove({"enabled": true, "policy": policy})]}
	f.resource == "module.kms_key"
	f.path == ["policy"]
	count(rule.deny) == 0 with input as {"resources": [], "modules": [clouddrove({"enabled": false, "policy": policy})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [object.union(clouddrove({"policy": policy}), {"dir": ".terraform/modules/kms_key"})]}
}

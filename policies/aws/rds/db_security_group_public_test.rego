package palisade.aws.rds.db_security_group_public_test

import data.palisade.aws.rds.db_security_group_public as rule

bad := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "10.0.0.0/8"}, {"cidr": "0.0.0.0/0"}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "10.0.0.0/8"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": {"$unknown": "var.x"}}]}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_db_security_group.this allows database connections from 0.0.0.0/0", "resource": "aws_db_security_group.this", "path": ["ingress", 1, "cidr"]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

# A /0 keeps no address bits: "1.1.1.1/0" is the whole IPv4 internet (cdk-nag RDSRestrictedInbound).
host_bits_zero_prefix := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "1.1.1.1/0"}]}, "references": []}]}

narrow_prefix := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "1.1.1.1/32"}]}, "references": []}]}

test_any_address_with_prefix_zero_fires if {
	rule.deny == {{"msg": "aws_db_security_group.this allows database connections from 1.1.1.1/0", "resource": "aws_db_security_group.this", "path": ["ingress", 0, "cidr"]}} with input as host_bits_zero_prefix
}

test_host_address_passes if {
	count(rule.deny) == 0 with input as narrow_prefix
}

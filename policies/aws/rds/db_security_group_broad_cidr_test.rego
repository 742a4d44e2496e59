package palisade.aws.rds.db_security_group_broad_cidr_test

import data.palisade.aws.rds.db_security_group_broad_cidr as rule

bad := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "10.0.0.0/24"}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "10.0.0.0/25"}]}, "references": []}]}

good_1 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "0.0.0.0/0"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": {"$unknown": "var.x"}}]}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_db_security_group.this allows database connections from 10.0.0.0/24, 256 or more addresses", "resource": "aws_db_security_group.this", "path": ["ingress", 0, "cidr"]}} with input as bad
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
	count(rule.warn) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
}

# Any /0 is the internet, reported by RDS-011 rather than as a broad range.
test_prefix_zero_with_host_bits_is_left_to_the_public_rule if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_db_security_group.this", "type": "aws_db_security_group", "name": "this", "config": {"ingress": [{"cidr": "1.1.1.1/0"}]}, "references": []}]}
}

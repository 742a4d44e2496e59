package palisade.aws.vpc.sg_ingress_public_database_test

import data.palisade.aws.vpc.sg_ingress_public_database as rule

group(ingress) := {"address": "aws_security_group.db", "type": "aws_security_group", "name": "db", "config": {"ingress": ingress}, "references": []}

test_postgres_fires if {
	rule.deny == {{
		"msg": "aws_security_group.db exposes PostgreSQL (5432) from 0.0.0.0/0",
		"resource": "aws_security_group.db", "path": ["ingress", 0, "cidr_blocks", 0],
	}} with input as {"resources": [group([{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_range_names_every_port_once if {
	findings := rule.deny with input as {"resources": [group([{"protocol": "tcp", "from_port": 3000, "to_port": 6000, "cidr_blocks": ["0.0.0.0/0"]}])]}
	[f.msg | some f in findings] == ["aws_security_group.db exposes MySQL (3306), PostgreSQL (5432), Redshift (5439) from 0.0.0.0/0"]
}

test_private_or_web_passes if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["10.0.0.0/16"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": {"$unknown": "var.port"}, "to_port": {"$unknown": "var.port"}, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_memcached_over_udp_fires if {
	[f.msg | some f in rule.deny] == ["aws_security_group.db exposes Memcached (11211) from 0.0.0.0/0"] with input as {"resources": [group([{"protocol": "udp", "from_port": 11211, "to_port": 11211, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_udp_to_a_tcp_only_database_passes if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "udp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

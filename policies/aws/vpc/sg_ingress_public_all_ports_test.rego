package palisade.aws.vpc.sg_ingress_public_all_ports_test

import data.palisade.aws.vpc.sg_ingress_public_all_ports as rule

group(ingress) := {"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"ingress": ingress}, "references": []}

test_all_protocols_fires if {
	rule.deny == {{
		"msg": "aws_security_group.web allows all ports from 0.0.0.0/0",
		"resource": "aws_security_group.web", "path": ["ingress", 0, "cidr_blocks", 0],
	}} with input as {"resources": [group([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_full_tcp_range_fires if {
	v := {"address": "aws_vpc_security_group_ingress_rule.v", "type": "aws_vpc_security_group_ingress_rule", "name": "v", "references": [], "config": {"ip_protocol": "-1", "cidr_ipv6": "::/0"}}
	count(rule.deny) == 2 with input as {"resources": [v, group([{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_narrow_or_private_passes if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": {"$unknown": "var.p"}, "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

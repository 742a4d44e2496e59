package palisade.aws.vpc.sg_ingress_sensitive_port_public_network_test

import data.palisade.aws.vpc.sg_ingress_sensitive_port_public_network as rule

test_fires_on_public_range if {
	rule.warn == {{"msg": "aws_security_group.web exposes SSH (22) to the public network 1.2.3.0/26", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["1.2.3.0/26"]}]}, "references": []}]}
}

test_passes_on_single_address if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["1.2.3.4/32"]}]}, "references": []}]}
}

test_passes_on_private_range if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.92.168.0/28"]}]}, "references": []}]}
}

test_passes_on_harmless_port if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["1.2.3.0/26"]}]}, "references": []}]}
}

test_passes_on_wide_range if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["16.0.0.0/5"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [{"$unknown": "var.x"}]}]}, "references": []}]}
}

test_reports_only_the_small_public_ranges_of_a_rule if {
	findings := rule.warn with input as {"resources": [{
		"address": "aws_security_group_rule.r", "type": "aws_security_group_rule", "name": "r", "references": [],
		"config": {"type": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/26", "1.2.3.0/26", {"$unknown": "var.x"}, "1.2.3.4/32", " 5.6.7.0/30"]},
	}]}
	count(findings) == 2
	{f.path | some f in findings} == {[]}
	every f in findings {
		startswith(f.msg, "aws_security_group_rule.r exposes AMQP (5672), Cassandra (9042), Cassandra (TLS) (9142), Cassandra JMX (7199), Cassandra OpsCenter (61621), Cassandra Thrift (9160), Cassandra inter-node (7000), Cassandra inter-node (TLS) (7001), Docker API (2375)")
	}
	{substring(f.msg, count(f.msg) - 10, 10) | some f in findings} == {"1.2.3.0/26", "5.6.7.0/30"}
}

test_egress_rules_are_not_reported if {
	count(rule.warn) == 0 with input as {"resources": [{
		"address": "aws_vpc_security_group_egress_rule.out", "type": "aws_vpc_security_group_egress_rule", "name": "out", "references": [],
		"config": {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "1.2.3.0/26"},
	}]}
}

# A private or reserved block written with too short a prefix spills into public addresses (Semgrep's
# rule tests: 10.0.0.0/7 holds 11/8, 192.168.0.0/15 holds 192.169/16, 126.0.0.0/7 holds 126/8).
test_fires_on_private_range_spilling_into_public if {
	every c in ["10.0.0.0/7", "192.168.0.0/15", "169.254.0.0/15", "126.0.0.0/7", "8.0.0.0/5"] {
		count(rule.warn) == 1 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [c]}]}, "references": []}]}
	}
}

test_passes_on_ranges_inside_private_or_reserved_blocks if {
	every c in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "100.64.0.0/20"] {
		count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [c]}]}, "references": []}]}
	}
}

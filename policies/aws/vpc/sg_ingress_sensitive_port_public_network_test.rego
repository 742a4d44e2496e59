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
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["8.0.0.0/5"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [{"$unknown": "var.x"}]}]}, "references": []}]}
}

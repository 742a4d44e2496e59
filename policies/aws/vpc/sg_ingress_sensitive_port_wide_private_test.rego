package palisade.aws.vpc.sg_ingress_sensitive_port_wide_private_test

import data.palisade.aws.vpc.sg_ingress_sensitive_port_wide_private as rule

test_fires_on_whole_block if {
	rule.warn == {{"msg": "aws_security_group.web exposes Telnet (23) to the whole private range 10.0.0.0/8", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 23, "to_port": 23, "cidr_blocks": ["10.0.0.0/8"]}]}, "references": []}]}
}

test_passes_on_vpc_range if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 23, "to_port": 23, "cidr_blocks": ["10.0.0.0/16"]}]}, "references": []}]}
}

test_passes_on_harmless_port if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 23, "to_port": 23, "cidr_blocks": [{"$unknown": "var.x"}]}]}, "references": []}]}
}

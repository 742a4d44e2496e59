package palisade.aws.vpc.sg_ingress_public_http_test

import data.palisade.aws.vpc.sg_ingress_public_http as rule

test_fires_on_port_range if {
	rule.warn == {{"msg": "aws_security_group.web serves plain HTTP (port 80) to 0.0.0.0/0", "resource": "aws_security_group.web", "path": []}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 78, "to_port": 91, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_passes_on_https if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_passes_on_private_source if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["10.0.0.0/16"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": {"$unknown": "var.x"}, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

package palisade.aws.vpc.sg_ingress_public_sensitive_port_test

import data.palisade.aws.vpc.sg_ingress_public_sensitive_port as rule

test_fires_on_2383 if {
	rule.deny == {{"msg": "aws_security_group.web exposes SQL Server Analysis Services (2383) to 0.0.0.0/0", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_fires_on_udp_smb if {
	rule.deny == {{"msg": "aws_security_group.web exposes SMB (445) to ::/0", "resource": "aws_security_group.web", "path": ["ingress", 0]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "udp", "from_port": 445, "to_port": 445, "ipv6_cidr_blocks": ["::/0"]}]}, "references": []}]}
}

test_passes_on_private_source if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": ["10.0.0.0/16"]}]}, "references": []}]}
}

test_leaves_ssh_to_its_rule if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": "x", "ingress": [{"protocol": "tcp", "from_port": 2383, "to_port": 2383, "cidr_blocks": {"$unknown": "var.x"}}]}, "references": []}]}
}

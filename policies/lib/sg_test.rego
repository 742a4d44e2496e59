package palisade.lib.sg_test

import data.palisade.lib.sg

group := {
	"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "references": [],
	"config": {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}], "egress": {"$unknown": "var.egress"}},
}

rule := {
	"address": "aws_security_group_rule.ssh", "type": "aws_security_group_rule", "name": "ssh", "references": [],
	"config": {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "ipv6_cidr_blocks": ["::/0"], "description": "ssh"},
}

vpc_rule := {
	"address": "aws_vpc_security_group_ingress_rule.all", "type": "aws_vpc_security_group_ingress_rule", "name": "all", "references": [],
	"config": {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"},
}

test_inline_entries if {
	entries := sg.rules with input as {"resources": [group]}
	entries == {{
		"resource": group, "direction": "ingress", "path": ["ingress", 0], "protocol": "tcp", "from": 22, "to": 22, "description": null,
		"cidrs": [{"value": "10.0.0.0/8", "path": ["ingress", 0, "cidr_blocks", 0]}, {"value": "0.0.0.0/0", "path": ["ingress", 0, "cidr_blocks", 1]}],
	}}
}

test_rule_resources if {
	entries := sg.rules with input as {"resources": [rule, vpc_rule]}
	count(entries) == 2
	some e in entries
	e.resource == vpc_rule
	e.cidrs == [{"value": "0.0.0.0/0", "path": ["cidr_ipv4"]}]
	e.protocol == "-1"
}

test_public_cidrs if {
	some e in sg.rules with input as {"resources": [group]}
	sg.public_cidrs(e) == [{"value": "0.0.0.0/0", "path": ["ingress", 0, "cidr_blocks", 1]}]
}

test_registry_module_entries if {
	m := {"address": "module.sg", "name": "sg", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_with_cidr_blocks": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": "10.0.0.0/8, 0.0.0.0/0"}]}}
	entries := [e | some e in sg.rules] with input as {"resources": [], "modules": [m]}
	count(entries) == 1
	entries[0].path == ["ingress_with_cidr_blocks"]
	entries[0].cidrs == [{"value": "10.0.0.0/8", "path": ["ingress_with_cidr_blocks", 0, "cidr_blocks"]}, {"value": "0.0.0.0/0", "path": ["ingress_with_cidr_blocks", 0, "cidr_blocks"]}]
}

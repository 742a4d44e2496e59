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
	entries == [{
		"resource": {"address": "aws_security_group.web"}, "direction": "ingress", "path": ["ingress", 0], "protocol": "tcp", "from": 22, "to": 22, "description": null,
		"cidrs": [{"value": "10.0.0.0/8", "path": ["ingress", 0, "cidr_blocks", 0]}, {"value": "0.0.0.0/0", "path": ["ingress", 0, "cidr_blocks", 1]}],
	}]
}

test_rule_resources if {
	entries := sg.rules with input as {"resources": [rule, vpc_rule]}
	count(entries) == 2
	some e in entries
	e.resource == {"address": "aws_vpc_security_group_ingress_rule.all"}
	e.cidrs == [{"value": "0.0.0.0/0", "path": ["cidr_ipv4"]}]
	e.protocol == "-1"
}

test_public_cidrs if {
	some e in sg.rules with input as {"resources": [group]}
	sg.public_cidrs(e) == [{"value": "0.0.0.0/0", "path": ["ingress", 0, "cidr_blocks", 1]}]
}

test_registry_module_entries if {
	m := {"address": "module.sg", "name": "sg", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_with_cidr_blocks": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": "10.0.0.0/8, 0.0.0.0/0"}]}}
	entries := sg.rules with input as {"resources": [], "modules": [m]}
	count(entries) == 1
	entries[0].path == ["ingress_with_cidr_blocks"]
	entries[0].cidrs == [{"value": "10.0.0.0/8", "path": ["ingress_with_cidr_blocks", 0, "cidr_blocks"]}, {"value": "0.0.0.0/0", "path": ["ingress_with_cidr_blocks", 0, "cidr_blocks"]}]
}

test_public_entries_once_per_direction if {
	egress_rule := {
		"address": "aws_security_group_rule.out", "type": "aws_security_group_rule", "name": "out", "references": [],
		"config": {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0", "10.0.0.0/8"]},
	}
	ingress := sg.public_ingress with input as {"resources": [group, rule, egress_rule]}
	{[e.resource.address, cidrs] | some [e, cidrs] in ingress} == {
		["aws_security_group.web", [{"value": "0.0.0.0/0", "path": ["ingress", 0, "cidr_blocks", 1]}]],
		["aws_security_group_rule.ssh", [{"value": "::/0", "path": ["ipv6_cidr_blocks", 0]}]],
	}
	egress := sg.public_egress with input as {"resources": [group, rule, egress_rule]}
	{[e.resource.address, cidrs] | some [e, cidrs] in egress} == {["aws_security_group_rule.out", [{"value": "0.0.0.0/0", "path": ["cidr_blocks", 0]}]]}
}

test_ingress_and_cidr_values if {
	{e.resource.address | some e in sg.ingress} == {"aws_security_group.web", "aws_security_group_rule.ssh"} with input as {"resources": [group, rule]}
	sg.cidr_values == {"10.0.0.0/8", "0.0.0.0/0", "::/0"} with input as {"resources": [group, rule]}
}

test_no_public_entries_for_unknown_cidrs if {
	unknown_cidrs := {
		"address": "aws_security_group_rule.u", "type": "aws_security_group_rule", "name": "u", "references": [],
		"config": {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": {"$unknown": "var.cidrs"}, "ipv6_cidr_blocks": [{"$unknown": "var.v6"}]},
	}
	count(sg.public_ingress) == 0 with input as {"resources": [unknown_cidrs]}
	sg.cidr_values == {{"$unknown": "var.v6"}} with input as {"resources": [unknown_cidrs]}
}

test_registry_module_named_rules if {
	m := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "config": {
		"ingress_rules": ["https-443-tcp", "ssh-tcp", "no-such-rule"],
		"ingress_cidr_blocks": ["0.0.0.0/0"],
	}}
	entries := sg.rules with input as {"resources": [], "modules": [m]}
	{[e.direction, e.protocol, e.from, e.to] | some e in entries} == {["ingress", "tcp", 443, 443], ["ingress", "tcp", 22, 22]}
	some e in entries
	e.cidrs == [{"value": "0.0.0.0/0", "path": ["ingress_cidr_blocks", 0]}]
	e.from == 22
	e.path == ["ingress_rules", 1]
	e.description == "ssh-tcp"
}

test_registry_module_named_rules_without_cidrs_open_nothing if {
	m := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_rules": ["ssh-tcp"]}}
	[e | some e in sg.public_ingress] == [] with input as {"resources": [], "modules": [m]}
}

test_registry_submodule_adds_its_rules_and_open_egress if {
	m := {"address": "module.ssh", "name": "ssh", "source": "terraform-aws-modules/security-group/aws//modules/ssh", "config": {"ingress_cidr_blocks": ["0.0.0.0/0"]}}
	ingress := sg.public_ingress with input as {"resources": [], "modules": [m]}
	[[e.from, e.to, e.protocol] | some [e, _] in ingress] == [[22, 22, "tcp"]]
	egress := sg.public_egress with input as {"resources": [], "modules": [m]}

	# The egress CIDRs are the module's defaults: on the call, which adds the rule.
	[[e.protocol, cidrs] | some [e, cidrs] in egress] == [["-1", [{"value": "0.0.0.0/0", "path": []}, {"value": "::/0", "path": []}]]]
}

test_registry_module_default_cidrs_are_placed_on_the_rule_that_opens_them if {
	m := {"address": "module.out", "name": "out", "source": "terraform-aws-modules/security-group/aws", "config": {"egress_rules": ["all-all"]}}
	egress := sg.public_egress with input as {"resources": [], "modules": [m]}
	[cidrs | some [_, cidrs] in egress] == [[{"value": "0.0.0.0/0", "path": ["egress_rules", 0]}, {"value": "::/0", "path": ["egress_rules", 0]}]]
	db := {"address": "module.db", "name": "db", "source": "terraform-aws-modules/security-group/aws", "config": {"egress_with_cidr_blocks": [{"rule": "postgresql-tcp"}]}}
	[cidrs | some [_, cidrs] in sg.public_egress] == [[{"value": "0.0.0.0/0", "path": ["egress_with_cidr_blocks", 0]}]] with input as {"resources": [], "modules": [db]}
}

test_registry_module_entry_by_rule_name_takes_the_call_cidrs if {
	m := {"address": "module.db", "name": "db", "source": "terraform-aws-modules/security-group/aws", "config": {
		"ingress_cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"],
		"ingress_with_cidr_blocks": [{"rule": "postgresql-tcp"}, {"rule": "mysql-tcp", "cidr_blocks": "10.1.0.0/16"}],
	}}
	entries := sg.rules with input as {"resources": [], "modules": [m]}
	some pg in entries
	pg.from == 5432
	pg.protocol == "tcp"
	pg.cidrs == [{"value": "10.0.0.0/8", "path": ["ingress_cidr_blocks", 0]}, {"value": "0.0.0.0/0", "path": ["ingress_cidr_blocks", 1]}]
	some my in entries
	my.from == 3306
	my.cidrs == [{"value": "10.1.0.0/16", "path": ["ingress_with_cidr_blocks", 1, "cidr_blocks"]}]
}

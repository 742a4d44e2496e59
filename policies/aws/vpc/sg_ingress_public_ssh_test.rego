package palisade.aws.vpc.sg_ingress_public_ssh_test

import data.palisade.aws.vpc.sg_ingress_public_ssh as rule

group(ingress) := {"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"ingress": ingress}, "references": []}

test_public_inline_rule_fires if {
	rule.deny == {{
		"msg": "aws_security_group.web allows SSH (port 22) from 0.0.0.0/0",
		"resource": "aws_security_group.web", "path": ["ingress", 0, "cidr_blocks", 1],
	}} with input as {"resources": [group([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}])]}
}

test_range_and_rule_resources_fire if {
	r := {"address": "aws_security_group_rule.r", "type": "aws_security_group_rule", "name": "r", "references": [], "config": {"type": "ingress", "protocol": "6", "from_port": 0, "to_port": 10000, "ipv6_cidr_blocks": ["::/0"]}}
	v := {"address": "aws_vpc_security_group_ingress_rule.v", "type": "aws_vpc_security_group_ingress_rule", "name": "v", "references": [], "config": {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"}}
	findings := rule.deny with input as {"resources": [r, v]}
	{[f.resource, f.path] | some f in findings} == {["aws_security_group_rule.r", ["ipv6_cidr_blocks", 0]], ["aws_vpc_security_group_ingress_rule.v", ["cidr_ipv4"]]}
}

test_private_cidr_other_port_or_all_ports_pass if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "udp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_unknown_does_not_fire if {
	u := {"$unknown": "var.x"}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": u, "to_port": u, "cidr_blocks": ["0.0.0.0/0"]}])]}
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": u}])]}
	count(rule.deny) == 0 with input as {"resources": [group(u)]}
}

test_each_public_cidr_next_to_unknowns_fires_once if {
	u := {"$unknown": "var.x"}
	findings := rule.deny with input as {"resources": [group([
		{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [u, "0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]},
		{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [u]},
	])]}
	{f.path | some f in findings} == {["ingress", 0, "cidr_blocks", 1], ["ingress", 0, "ipv6_cidr_blocks", 0]}
}

test_registry_module_and_counted_groups_fire if {
	m := {"address": "module.sg", "name": "sg", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_with_cidr_blocks": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": "10.0.0.0/8,0.0.0.0/0"}]}}
	counted := object.union(group([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]), {"address": "aws_security_group.web[1]"})
	findings := rule.deny with input as {"resources": [counted], "modules": [m]}
	{[f.resource, f.path] | some f in findings} == {["module.sg", ["ingress_with_cidr_blocks", 0, "cidr_blocks"]], ["aws_security_group.web[1]", ["ingress", 0, "cidr_blocks", 0]]}
}

test_registry_module_named_rules_and_ssh_submodule_fire if {
	named := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "version": "5.1.0", "config": {"ingress_rules": ["https-443-tcp", "ssh-tcp"], "ingress_cidr_blocks": ["0.0.0.0/0"]}}
	sub := {"address": "module.ssh", "name": "ssh", "source": "terraform-aws-modules/security-group/aws//modules/ssh", "config": {"ingress_cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}}
	private := {"address": "module.priv", "name": "priv", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_rules": ["ssh-tcp"], "ingress_cidr_blocks": ["10.0.0.0/8"]}}
	findings := rule.deny with input as {"resources": [], "modules": [named, sub, private]}
	{[f.resource, f.path] | some f in findings} == {["module.web", ["ingress_cidr_blocks", 0]], ["module.ssh", ["ingress_cidr_blocks", 1]]}
}

package palisade.aws.vpc.sg_rule_description_missing_test

import data.palisade.aws.vpc.sg_rule_description_missing as rule

group(ingress) := {"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"ingress": ingress}, "references": []}

test_missing_description_fires if {
	rule.deny == {{
		"msg": "aws_security_group.web has an ingress rule without a description",
		"resource": "aws_security_group.web", "path": ["ingress", 1, "description"],
	}} with input as {"resources": [group([{"protocol": "tcp", "description": "https"}, {"protocol": "tcp"}])]}
}

test_rule_resource_fires if {
	r := {"address": "aws_vpc_security_group_egress_rule.e", "type": "aws_vpc_security_group_egress_rule", "name": "e", "references": [], "config": {"ip_protocol": "-1", "description": ""}}
	rule.deny == {{"msg": "aws_vpc_security_group_egress_rule.e has an egress rule without a description", "resource": "aws_vpc_security_group_egress_rule.e", "path": ["description"]}} with input as {"resources": [r]}
}

test_described_passes if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "description": "https from the ALB"}])]}
}

test_unknown_description_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group([{"protocol": "tcp", "description": {"$unknown": "each.value.description"}}])]}
}

test_registry_module_named_rules_carry_the_module_description if {
	m := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_rules": ["http-80-tcp"], "ingress_cidr_blocks": ["0.0.0.0/0"]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [m]}
}

rule_resource(type, config) := {"address": sprintf("%s.r", [type]), "type": type, "name": "r", "config": config, "references": []}

test_rule_resource_fix_describes_protocol_ports_and_sources if {
	r := rule_resource("aws_security_group_rule", {"type": "ingress", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8", "192.168.0.0/16"]})
	rule.deny == {{
		"msg": "aws_security_group_rule.r has an ingress rule without a description",
		"resource": "aws_security_group_rule.r", "path": ["description"],
		"fix": [{
			"op": "set", "path": ["description"], "value": "tcp 443 from 10.0.0.0/8, 192.168.0.0/16",
			"derived_from": [["protocol"], ["from_port"], ["to_port"], ["type"], ["self"], ["cidr_blocks"]],
		}],
	}} with input as {"resources": [r]}
}

test_fix_names_a_security_group_by_address if {
	r := object.union(
		rule_resource("aws_security_group_rule", {"type": "egress", "protocol": "6", "from_port": 5432, "to_port": 5433, "source_security_group_id": {"$unknown": "aws_security_group.db.id"}, "self": false}),
		{"references": [{"path": ["source_security_group_id"], "target": "aws_security_group.db", "attribute": "id"}]},
	)
	some f in rule.deny with input as {"resources": [r]}
	f.fix == [{
		"op": "set", "path": ["description"], "value": "tcp 5432-5433 to aws_security_group.db",
		"derived_from": [
			["protocol"], ["from_port"], ["to_port"], ["type"], ["self"],
			{"path": ["source_security_group_id"], "text": "aws_security_group.db.id"},
		],
	}]
}

# A CIDR read from another resource is named by that reference, known or not: another caller's
# VPC has another CIDR. In a module, the reference as the module's code spells it.
test_fix_names_a_referenced_cidr if {
	r := {
		"address": "module.net.aws_vpc_security_group_ingress_rule.r", "module": "module.net",
		"type": "aws_vpc_security_group_ingress_rule", "name": "r",
		"config": {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "10.0.0.0/16"},
		"references": [{"path": ["cidr_ipv4"], "target": "module.net.aws_vpc.main", "attribute": "cidr_block"}],
	}
	some f in rule.deny with input as {"resources": [r]}
	f.fix[0].value == "tcp 443 from aws_vpc.main.cidr_block"
	{"path": ["cidr_ipv4"], "text": "aws_vpc.main.cidr_block"} in f.fix[0].derived_from
}

test_fix_for_vpc_rules if {
	everything := rule_resource("aws_vpc_security_group_egress_rule", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	ping := rule_resource("aws_vpc_security_group_ingress_rule", {"ip_protocol": "icmp", "from_port": 3, "to_port": 4, "referenced_security_group_id": "sg-0123"})
	values := {f.fix[0].value | some f in rule.deny} with input as {"resources": [everything, ping]}
	values == {"all traffic to ::/0", "icmp type 3 code 4 from sg-0123"}
}

# An unknown source, an unknown port or a protocol the text cannot name: the finding, no fix.
test_no_fix_when_the_text_would_guess if {
	unknown_cidr := rule_resource("aws_security_group_rule", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [{"$unknown": "var.cidr"}]})
	unknown_port := rule_resource("aws_vpc_security_group_ingress_rule", {"ip_protocol": "tcp", "from_port": {"$unknown": "var.port"}, "to_port": 22, "cidr_ipv4": "10.0.0.0/8"})
	gre := rule_resource("aws_vpc_security_group_egress_rule", {"ip_protocol": "47", "cidr_ipv4": "10.0.0.0/8"})
	module_sg := object.union(
		rule_resource("aws_security_group_rule", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "source_security_group_id": {"$unknown": "module.sg.id"}}),
		{"address": "aws_security_group_rule.m", "name": "m"},
	)
	findings := rule.deny with input as {"resources": [unknown_cidr, unknown_port, gre, module_sg]}
	count(findings) == 4
	every f in findings {
		not f.fix
	}
}

# Inline blocks: the description goes into the block; security groups are named by address and
# only the literal elements are checked.
test_inline_block_fix if {
	g := object.union(
		group([
			{"protocol": "tcp", "description": "https"},
			{"protocol": "tcp", "from_port": 22, "to_port": 22, "security_groups": [{"$unknown": "aws_security_group.bastion.id"}, "sg-0123"]},
		]),
		{"references": [{"path": ["ingress", 1, "security_groups", 0], "target": "aws_security_group.bastion", "attribute": "id"}]},
	)
	some f in rule.deny with input as {"resources": [g]}
	f.fix == [{
		"op": "set", "path": ["ingress", 1, "description"], "value": "tcp 22 from aws_security_group.bastion, sg-0123",
		"derived_from": [
			["ingress", 1, "protocol"], ["ingress", 1, "from_port"], ["ingress", 1, "to_port"], ["ingress", 1, "type"],
			["ingress", 1, "self"],
			{"path": ["ingress", 1, "security_groups", 0], "text": "aws_security_group.bastion.id"},
			["ingress", 1, "security_groups", 1],
		],
	}]
}

# A registry module's list entry is the caller's own map: the finding is on that entry (not on
# the whole argument) and the description goes into it.
test_registry_module_entry_is_placed_and_described if {
	m := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_with_cidr_blocks": [
		{"description": "ssh from the office", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": "10.1.0.0/16"},
		{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": "10.0.0.0/8"},
	]}}
	findings := rule.deny with input as {"resources": [], "modules": [m]}
	count(findings) == 1
	some f in findings
	f.path == ["ingress_with_cidr_blocks", 1, "description"]
	f.fix == [{
		"op": "set", "path": ["ingress_with_cidr_blocks", 1, "description"], "value": "tcp 22 from 10.0.0.0/8",
		"derived_from": [
			["ingress_with_cidr_blocks", 1, "protocol"], ["ingress_with_cidr_blocks", 1, "from_port"],
			["ingress_with_cidr_blocks", 1, "to_port"], ["ingress_with_cidr_blocks", 1, "type"],
			["ingress_with_cidr_blocks", 1, "self"], ["ingress_with_cidr_blocks", 1, "cidr_blocks"],
		],
	}]
}

# An entry that names one of the module's rules instead of its ports gets no text (the ports are
# the module's), but is still reported.
test_registry_module_named_entry_has_no_fix if {
	m := {"address": "module.web", "name": "web", "source": "terraform-aws-modules/security-group/aws", "config": {"ingress_with_cidr_blocks": [{"rule": "ssh-tcp", "cidr_blocks": "10.0.0.0/8"}]}}
	some f in rule.deny with input as {"resources": [], "modules": [m]}
	not f.fix
}

package palisade.aws.vpc.sg_egress_public_all_test

import data.palisade.aws.vpc.sg_egress_public_all as rule

group(egress) := {"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"egress": egress}, "references": []}

test_all_egress_warns if {
	rule.warn == {{
		"msg": "aws_security_group.web allows all outbound traffic to 0.0.0.0/0",
		"resource": "aws_security_group.web", "path": ["egress", 0, "cidr_blocks", 0],
	}} with input as {"resources": [group([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_restricted_egress_passes if {
	count(rule.warn) == 0 with input as {"resources": [group([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [group([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": {"$unknown": "var.cidrs"}}])]}
}

test_split_egress_rules_warn_on_their_cidr if {
	v4 := {"address": "aws_vpc_security_group_egress_rule.v4", "type": "aws_vpc_security_group_egress_rule", "name": "v4", "references": [], "config": {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}}
	v6 := {"address": "aws_vpc_security_group_egress_rule.v6", "type": "aws_vpc_security_group_egress_rule", "name": "v6", "references": [], "config": {"ip_protocol": "-1", "cidr_ipv6": "::/0"}}
	ingress := {"address": "aws_vpc_security_group_ingress_rule.in", "type": "aws_vpc_security_group_ingress_rule", "name": "in", "references": [], "config": {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}}
	findings := rule.warn with input as {"resources": [v4, v6, ingress]}
	{[f.resource, f.path] | some f in findings} == {["aws_vpc_security_group_egress_rule.v4", ["cidr_ipv4"]], ["aws_vpc_security_group_egress_rule.v6", ["cidr_ipv6"]]}
}

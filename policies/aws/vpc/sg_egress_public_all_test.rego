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

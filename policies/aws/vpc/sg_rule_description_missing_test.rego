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

package palisade.aws.vpc.default_sg_allows_traffic_test

import data.palisade.aws.vpc.default_sg_allows_traffic as rule

sg(config) := {"address": "aws_default_security_group.default", "type": "aws_default_security_group", "name": "default", "config": config, "references": []}

test_rule_fires_with_remove_fix if {
	rule.deny == {{
		"msg": "the default security group aws_default_security_group.default has an ingress rule",
		"resource": "aws_default_security_group.default", "path": ["ingress"],
		"fix": [{"op": "remove", "path": ["ingress"]}],
	}} with input as {"resources": [sg({"vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "self": true}]})]}
}

test_no_rules_passes if {
	count(rule.deny) == 0 with input as {"resources": [sg({"vpc_id": "vpc-1"})]}
}

test_unknown_rules_do_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [sg({"vpc_id": "vpc-1", "ingress": {"$unknown": "var.rules"}})]}
}

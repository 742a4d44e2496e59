package palisade.aws.vpc.network_firewall_missing_test

import data.palisade.aws.vpc.network_firewall_missing as rule

test_fires_without_firewall if {
	rule.warn == {{"msg": "aws_vpc.main has no AWS Network Firewall", "resource": "aws_vpc.main", "path": []}} with input as {"resources": [{"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}]}
}

test_passes_with_firewall if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}, {"address": "aws_networkfirewall_firewall.main", "type": "aws_networkfirewall_firewall", "name": "main", "config": {"vpc_id": {"$unknown": "aws_vpc.main.id"}}, "references": [{"path": ["vpc_id"], "target": "aws_vpc.main"}]}]}
}

test_unresolved_firewall_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_vpc.main", "type": "aws_vpc", "name": "main", "config": {"cidr_block": "10.0.0.0/16"}, "references": []}, {"address": "aws_networkfirewall_firewall.main", "type": "aws_networkfirewall_firewall", "name": "main", "config": {"vpc_id": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.vpc.network_firewall_deletion_protection_disabled_test

import data.palisade.aws.vpc.network_firewall_deletion_protection_disabled as rule

firewall(config) := {"resources": [{"address": "aws_networkfirewall_firewall.edge", "type": "aws_networkfirewall_firewall", "name": "edge", "config": object.union({"name": "edge", "vpc_id": {"$unknown": "aws_vpc.main.id"}}, config), "references": []}]}

fix := [{"op": "set", "path": ["delete_protection"], "value": true}]

test_fires if {
	rule.deny == {{"msg": "aws_networkfirewall_firewall.edge does not set delete_protection = true", "resource": "aws_networkfirewall_firewall.edge", "path": ["delete_protection"], "fix": fix}} with input as firewall({})
	count(rule.deny) == 1 with input as firewall({"delete_protection": false})
}

test_passes if {
	count(rule.deny) == 0 with input as firewall({"delete_protection": true})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as firewall({"delete_protection": {"$unknown": "var.delete_protection"}})
}

package palisade.aws.msk.broker_publicly_accessible_test

import data.palisade.aws.msk.broker_publicly_accessible as rule

bad := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": "SERVICE_PROVIDED_EIPS"}]}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": "DISABLED"}]}]}]}, "references": []}]}

good_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"broker_node_group_info": [{"instance_type": "kafka.m5.large"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": {"$unknown": "var.x"}}]}]}]}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"broker_node_group_info": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_msk_cluster.this gives its brokers public IP addresses", "resource": "aws_msk_cluster.this", "path": ["broker_node_group_info", 0, "connectivity_info", 0, "public_access", 0, "type"], "fix": [{"op": "set", "path": ["broker_node_group_info", 0, "connectivity_info", 0, "public_access", 0, "type"], "value": "DISABLED"}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

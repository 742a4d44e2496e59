package palisade.aws.eks.node_group_ssh_open_test

import data.palisade.aws.eks.node_group_ssh_open as rule

group(remote) := {"address": "aws_eks_node_group.ng", "type": "aws_eks_node_group", "name": "ng", "config": {"cluster_name": "c", "node_group_name": "ng", "remote_access": [remote]}, "references": []}

test_key_without_sources_fires if {
	rule.deny == {{"msg": "aws_eks_node_group.ng opens SSH (port 22) on its nodes to the internet: remote_access names a key but no source_security_group_ids", "resource": "aws_eks_node_group.ng", "path": ["remote_access", 0]}} with input as {"resources": [group({"ec2_ssh_key": "ops"})]}
}

test_empty_sources_fire if {
	count(rule.deny) == 1 with input as {"resources": [group({"ec2_ssh_key": {"$unknown": "var.key"}, "source_security_group_ids": []})]}
}

test_sources_pass if {
	count(rule.deny) == 0 with input as {"resources": [group({"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-123"]})]}
}

test_unknown_sources_pass if {
	count(rule.deny) == 0 with input as {"resources": [group({"ec2_ssh_key": "ops", "source_security_group_ids": {"$unknown": "var.sgs"}})]}
}

test_no_remote_access_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_eks_node_group.ng", "type": "aws_eks_node_group", "name": "ng", "config": {"cluster_name": "c"}, "references": []}]}
}

package palisade.aws.redshift.cluster_without_subnet_group_test

import data.palisade.aws.redshift.cluster_without_subnet_group as rule

bad := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"node_type": "ra3.xlplus"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"cluster_subnet_group_name": "private"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"cluster_subnet_group_name": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this has no cluster_subnet_group_name, so it runs in the default network", "resource": "aws_redshift_cluster.this", "path": ["cluster_subnet_group_name"]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

# cluster_subnet_group_name = "" names no subnet group: the cluster runs in the default network.
test_empty_subnet_group_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"node_type": "ra3.xlplus", "cluster_subnet_group_name": ""}, "references": []}]}
}

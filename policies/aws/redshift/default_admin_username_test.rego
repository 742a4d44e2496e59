package palisade.aws.redshift.default_admin_username_test

import data.palisade.aws.redshift.default_admin_username as rule

cluster(config) := {"resources": [{
	"address": "aws_redshift_cluster.dw", "type": "aws_redshift_cluster", "name": "dw", "references": [],
	"config": object.union({"cluster_identifier": "dw", "node_type": "ra3.xlplus"}, config),
}]}

test_fires_on_awsuser if {
	rule.deny == {{
		"msg": "aws_redshift_cluster.dw uses the default admin user name awsuser",
		"resource": "aws_redshift_cluster.dw", "path": ["master_username"],
	}} with input as cluster({"master_username": "awsuser"})
	count(rule.deny) == 1 with input as cluster({"master_username": "AWSUser"})
}

test_passes_on_another_name_or_a_restore if {
	count(rule.deny) == 0 with input as cluster({"master_username": "dw_admin"})
	count(rule.deny) == 0 with input as cluster({})
	count(rule.deny) == 0 with input as cluster({"master_username": "awsuser", "snapshot_identifier": "nightly"})
	count(rule.deny) == 0 with input as cluster({"master_username": "awsuser", "snapshot_identifier": {"$unknown": "var.snapshot"}})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as cluster({"master_username": {"$unknown": "var.user"}})
}

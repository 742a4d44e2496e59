package palisade.aws.redshift.version_upgrade_disabled_test

import data.palisade.aws.redshift.version_upgrade_disabled as rule

cluster(config) := {"resources": [{"address": "aws_redshift_cluster.dw", "type": "aws_redshift_cluster", "name": "dw", "config": object.union({"cluster_identifier": "dw", "node_type": "ra3.xlplus"}, config), "references": []}]}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_redshift_cluster.dw does not take major version upgrades (allow_version_upgrade = false)", "resource": "aws_redshift_cluster.dw", "path": ["allow_version_upgrade"], "fix": [{"op": "set", "path": ["allow_version_upgrade"], "value": true}]}} with input as cluster({"allow_version_upgrade": false})
}

test_passes if {
	count(rule.deny) == 0 with input as cluster({})
	count(rule.deny) == 0 with input as cluster({"allow_version_upgrade": true})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as cluster({"allow_version_upgrade": {"$unknown": "var.allow_version_upgrade"}})
}

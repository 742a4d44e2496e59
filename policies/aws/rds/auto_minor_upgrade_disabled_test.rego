package palisade.aws.rds.auto_minor_upgrade_disabled_test

import data.palisade.aws.rds.auto_minor_upgrade_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this disables automatic minor version upgrades", "resource": "aws_db_instance.this", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"auto_minor_version_upgrade": false}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"auto_minor_version_upgrade": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"auto_minor_version_upgrade": {"$unknown": "var.x"}}, "references": []}]}
}

test_opaque_module_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {"auto_minor_version_upgrade": false}}]}
}

# Round 33 (Prowler rds_cluster_minor_version_upgrade_enabled; Security Hub RDS.35): the cluster's
# own argument (provider default true) turns the upgrades off just the same.
cluster(config) := {"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": config, "references": []}

test_cluster_false_fires_unset_passes if {
	rule.deny == {{"msg": "aws_rds_cluster.this disables automatic minor version upgrades", "resource": "aws_rds_cluster.this", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as {"resources": [cluster({"auto_minor_version_upgrade": false})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({}), cluster({"auto_minor_version_upgrade": true})]}
}

package palisade.aws.neptune.backup_retention_short_test

import data.palisade.aws.neptune.backup_retention_short as rule

cluster(config) := {"resources": [{"address": "aws_neptune_cluster.main", "type": "aws_neptune_cluster", "name": "main", "config": config, "references": []}]}

test_fires_on_default if {
	rule.deny == {{"msg": "aws_neptune_cluster.main keeps automated backups for only the default one day", "resource": "aws_neptune_cluster.main", "path": ["backup_retention_period"], "fix": [{"op": "set", "path": ["backup_retention_period"], "value": 7}]}} with input as cluster({"cluster_identifier": "main"})
}

test_fires_on_one_day if {
	rule.deny == {{"msg": "aws_neptune_cluster.main keeps automated backups for only one day (backup_retention_period = 1)", "resource": "aws_neptune_cluster.main", "path": ["backup_retention_period"], "fix": [{"op": "set", "path": ["backup_retention_period"], "value": 7}]}} with input as cluster({"cluster_identifier": "main", "backup_retention_period": 1})
	count(rule.deny) == 1 with input as cluster({"cluster_identifier": "main", "backup_retention_period": "1"})
}

# Two days or more are left to the owner, as PAL-AWS-RDS-003 does.
test_passes if {
	count(rule.deny) == 0 with input as cluster({"cluster_identifier": "main", "backup_retention_period": 7})
	count(rule.deny) == 0 with input as cluster({"cluster_identifier": "main", "backup_retention_period": 3})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as cluster({"cluster_identifier": "main", "backup_retention_period": {"$unknown": "var.backup_retention_period"}})
}

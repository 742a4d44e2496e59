package palisade.aws.rds.backup_retention_disabled_test

import data.palisade.aws.rds.backup_retention_disabled as rule

db(config) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "name": "main", "config": object.union({"engine": "postgres"}, config), "references": []}

test_zero_retention_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.main disables automated backups (backup_retention_period = 0)", "resource": "aws_db_instance.main", "path": ["backup_retention_period"],
		"fix": [{"op": "set", "path": ["backup_retention_period"], "value": 7}],
	}} with input as {"resources": [db({"backup_retention_period": 0})]}
}

test_default_retention_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.main keeps automated backups for only the default one day", "resource": "aws_db_instance.main", "path": ["backup_retention_period"],
		"fix": [{"op": "set", "path": ["backup_retention_period"], "value": 7}],
	}} with input as {"resources": [db({})]}
}

# tfsec's rule tests fail an explicit one-day retention as they fail the default: the same single day.
test_explicit_one_day_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.main keeps automated backups for only one day (backup_retention_period = 1)", "resource": "aws_db_instance.main", "path": ["backup_retention_period"],
		"fix": [{"op": "set", "path": ["backup_retention_period"], "value": 7}],
	}} with input as {"resources": [db({"backup_retention_period": 1})]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_rds_cluster.c", "type": "aws_rds_cluster", "name": "c", "config": {"engine": "aurora-postgresql", "backup_retention_period": 1}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {"backup_retention_period": 1}}]}
	count(rule.deny) == 0 with input as {"resources": [db({"backup_retention_period": 2})]}
}

test_cluster_and_opaque_module_fire if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_rds_cluster.c", "type": "aws_rds_cluster", "name": "c", "config": {"engine": "aurora-postgresql"}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": {"backup_retention_period": 0}}]}
}

test_retention_or_replica_passes if {
	count(rule.deny) == 0 with input as {"resources": [db({"backup_retention_period": 7})]}
	count(rule.deny) == 0 with input as {"resources": [db({"backup_retention_period": 0, "replicate_source_db": "main"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.db", "source": "terraform-aws-modules/rds/aws", "dir": ".terraform/modules/db", "config": {}}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [db({"backup_retention_period": {"$unknown": "var.days"}})]}
}

# A module's pass-through replicate_source_db = null (or "") is not a replica.
test_null_or_empty_replica_source_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [db({"backup_retention_period": 0, "replicate_source_db": null, "replication_source_identifier": ""})]}
}

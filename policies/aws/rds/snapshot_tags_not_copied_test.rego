package palisade.aws.rds.snapshot_tags_not_copied_test

import data.palisade.aws.rds.snapshot_tags_not_copied as rule

db(type, config) := {"resources": [{"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}]}

fix := [{"op": "set", "path": ["copy_tags_to_snapshot"], "value": true}]

test_unset_and_false_fire if {
	rule.deny == {{"msg": "aws_db_instance.this does not copy its tags to its snapshots", "resource": "aws_db_instance.this", "path": ["copy_tags_to_snapshot"], "fix": fix}} with input as db("aws_db_instance", {"engine": "postgres"})
	rule.deny == {{"msg": "aws_rds_cluster.this does not copy its tags to its snapshots", "resource": "aws_rds_cluster.this", "path": ["copy_tags_to_snapshot"], "fix": fix}} with input as db("aws_rds_cluster", {"copy_tags_to_snapshot": false})
}

test_true_and_unknown_pass if {
	count(rule.deny) == 0 with input as db("aws_db_instance", {"copy_tags_to_snapshot": true})
	count(rule.deny) == 0 with input as db("aws_rds_cluster", {"copy_tags_to_snapshot": {"$unknown": "var.copy"}})
}

test_aurora_instance_is_left_to_its_cluster if {
	count(rule.deny) == 0 with input as db("aws_db_instance", {"engine": "aurora-mysql"})
}

test_registry_modules if {
	rds := {"address": "module.db", "name": "db", "source": "terraform-aws-modules/rds/aws", "config": {}}
	rule.deny == {{"msg": "module.db does not copy its tags to its snapshots", "resource": "module.db", "path": ["copy_tags_to_snapshot"], "fix": fix}} with input as {"resources": [], "modules": [rds]}
	aurora := {"address": "module.db", "name": "db", "source": "terraform-aws-modules/rds-aurora/aws", "config": {"copy_tags_to_snapshot": true}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [aurora]}
}

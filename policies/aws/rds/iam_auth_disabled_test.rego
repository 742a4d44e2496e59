package palisade.aws.rds.iam_auth_disabled_test

import data.palisade.aws.rds.iam_auth_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not enable IAM database authentication", "resource": "aws_db_instance.this", "path": ["iam_database_authentication_enabled"], "fix": [{"op": "set", "path": ["iam_database_authentication_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "iam_database_authentication_enabled": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not enable IAM database authentication", "resource": "aws_db_instance.this", "path": ["iam_database_authentication_enabled"], "fix": [{"op": "set", "path": ["iam_database_authentication_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres"}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "iam_database_authentication_enabled": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "iam_database_authentication_enabled": {"$unknown": "var.x"}}, "references": []}]}
}

test_unsupported_or_unknown_engine_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "oracle-ee"}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": {"$unknown": "var.engine"}}, "references": []}]}
}

test_cluster_without_engine_is_aurora_and_fires if {
	rule.deny == {{"msg": "aws_rds_cluster.this does not enable IAM database authentication", "resource": "aws_rds_cluster.this", "path": ["iam_database_authentication_enabled"], "fix": [{"op": "set", "path": ["iam_database_authentication_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"master_username": "admin"}, "references": []}]}
}

test_instance_without_engine_is_not_judged if {
	# A replica or snapshot restore takes its engine from the source; unknown here.
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"replicate_source_db": "db-1"}, "references": []}]}
}

test_cluster_with_unknown_engine_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": {"engine": {"$unknown": "var.engine"}}, "references": []}]}
}

rds(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

aurora(config) := {"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": config}

test_opaque_modules_without_iam_auth_fire if {
	rule.deny == {{
		"msg": "module.db does not enable IAM database authentication", "resource": "module.db", "path": ["iam_database_authentication_enabled"],
		"fix": [{"op": "set", "path": ["iam_database_authentication_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [rds({"engine": "mysql"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [aurora({"engine": "aurora-postgresql", "iam_database_authentication_enabled": false})]}
}

test_opaque_modules_with_iam_auth_other_or_unknown_engine_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"engine": "mysql", "iam_database_authentication_enabled": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"engine": "sqlserver-ex"}), rds({}), aurora({"engine": {"$unknown": "var.engine"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds({"engine": "mysql", "create_db_instance": false})]}
}

test_engine_name_in_any_case if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "MySQL"}, "references": []}]}
}

test_aurora_instance_is_judged_on_its_cluster if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "aurora-mysql"}, "references": []}]}
}

test_mariadb_before_10_6_cannot_enable_it if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "mariadb", "engine_version": "10.2.43"}, "references": []}]}
}

test_mariadb_10_6_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "mariadb", "engine_version": "10.6.14"}, "references": []}]}
}

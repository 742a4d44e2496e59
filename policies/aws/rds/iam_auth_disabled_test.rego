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

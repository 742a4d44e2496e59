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

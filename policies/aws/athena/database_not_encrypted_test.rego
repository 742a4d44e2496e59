package palisade.aws.athena.database_not_encrypted_test

import data.palisade.aws.athena.database_not_encrypted as rule

bad := {"resources": [{"address": "aws_athena_database.this", "type": "aws_athena_database", "name": "this", "config": {"name": "db"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_athena_database.this", "type": "aws_athena_database", "name": "this", "config": {"name": "db", "encryption_configuration": [{"encryption_option": "SSE_KMS", "kms_key": "k"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_athena_database.this", "type": "aws_athena_database", "name": "this", "config": {"name": "db", "encryption_configuration": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_athena_database.this does not encrypt query results", "resource": "aws_athena_database.this", "path": ["encryption_configuration"], "fix": [{"op": "add_block", "path": [], "type": "encryption_configuration", "config": {"encryption_option": "SSE_S3"}}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

package palisade.aws.rds.storage_not_encrypted_test

import data.palisade.aws.rds.storage_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not encrypt its storage", "resource": "aws_db_instance.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not encrypt its storage", "resource": "aws_db_instance.this", "path": ["storage_encrypted"], "fix": [{"op": "set", "path": ["storage_encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres"}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"engine": "postgres", "storage_encrypted": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.rds.deletion_protection_disabled_test

import data.palisade.aws.rds.deletion_protection_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not have deletion protection enabled", "resource": "aws_db_instance.this", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_db_instance.this does not have deletion protection enabled", "resource": "aws_db_instance.this", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"deletion_protection": {"$unknown": "var.x"}}, "references": []}]}
}

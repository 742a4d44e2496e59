package palisade.aws.rds.multi_az_disabled_test

import data.palisade.aws.rds.multi_az_disabled as rule

test_bad_value_fires if {
	rule.warn == {{"msg": "aws_db_instance.this is not Multi-AZ", "resource": "aws_db_instance.this", "path": ["multi_az"], "fix": [{"op": "set", "path": ["multi_az"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": false}, "references": []}]}
}

test_unset_fires if {
	rule.warn == {{"msg": "aws_db_instance.this is not Multi-AZ", "resource": "aws_db_instance.this", "path": ["multi_az"], "fix": [{"op": "set", "path": ["multi_az"], "value": true}]}} with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": {"multi_az": {"$unknown": "var.x"}}, "references": []}]}
}

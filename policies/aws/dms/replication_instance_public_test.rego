package palisade.aws.dms.replication_instance_public_test

import data.palisade.aws.dms.replication_instance_public as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_dms_replication_instance.this is publicly accessible", "resource": "aws_dms_replication_instance.this", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [{"address": "aws_dms_replication_instance.this", "type": "aws_dms_replication_instance", "name": "this", "config": {"publicly_accessible": true}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dms_replication_instance.this", "type": "aws_dms_replication_instance", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dms_replication_instance.this", "type": "aws_dms_replication_instance", "name": "this", "config": {"publicly_accessible": false}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_dms_replication_instance.this", "type": "aws_dms_replication_instance", "name": "this", "config": {"publicly_accessible": {"$unknown": "var.x"}}, "references": []}]}
}

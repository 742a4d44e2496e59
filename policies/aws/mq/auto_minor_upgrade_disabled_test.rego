package palisade.aws.mq.auto_minor_upgrade_disabled_test

import data.palisade.aws.mq.auto_minor_upgrade_disabled as rule

bad := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"auto_minor_version_upgrade": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"auto_minor_version_upgrade": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"auto_minor_version_upgrade": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_mq_broker.this does not set auto_minor_version_upgrade = true", "resource": "aws_mq_broker.this", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

package palisade.aws.neptune.instance_publicly_accessible_test

import data.palisade.aws.neptune.instance_publicly_accessible as rule

bad := {"resources": [{"address": "aws_neptune_cluster_instance.this", "type": "aws_neptune_cluster_instance", "name": "this", "config": {"publicly_accessible": true}, "references": []}]}

good_0 := {"resources": [{"address": "aws_neptune_cluster_instance.this", "type": "aws_neptune_cluster_instance", "name": "this", "config": {"publicly_accessible": false}, "references": []}]}

good_1 := {"resources": [{"address": "aws_neptune_cluster_instance.this", "type": "aws_neptune_cluster_instance", "name": "this", "config": {}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_neptune_cluster_instance.this", "type": "aws_neptune_cluster_instance", "name": "this", "config": {"publicly_accessible": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_neptune_cluster_instance.this is publicly accessible", "resource": "aws_neptune_cluster_instance.this", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

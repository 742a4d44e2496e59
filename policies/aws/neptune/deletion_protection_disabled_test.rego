package palisade.aws.neptune.deletion_protection_disabled_test

import data.palisade.aws.neptune.deletion_protection_disabled as rule

bad := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"deletion_protection": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"deletion_protection": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"deletion_protection": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_neptune_cluster.this does not set deletion_protection = true", "resource": "aws_neptune_cluster.this", "path": ["deletion_protection"], "fix": [{"op": "set", "path": ["deletion_protection"], "value": true}]}} with input as bad
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

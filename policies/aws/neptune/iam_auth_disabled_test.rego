package palisade.aws.neptune.iam_auth_disabled_test

import data.palisade.aws.neptune.iam_auth_disabled as rule

bad := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"iam_database_authentication_enabled": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"iam_database_authentication_enabled": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {"iam_database_authentication_enabled": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_neptune_cluster.this", "type": "aws_neptune_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_neptune_cluster.this does not require IAM database authentication", "resource": "aws_neptune_cluster.this", "path": ["iam_database_authentication_enabled"], "fix": [{"op": "set", "path": ["iam_database_authentication_enabled"], "value": true}]}} with input as bad
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

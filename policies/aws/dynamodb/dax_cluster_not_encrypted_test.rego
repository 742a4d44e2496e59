package palisade.aws.dynamodb.dax_cluster_not_encrypted_test

import data.palisade.aws.dynamodb.dax_cluster_not_encrypted as rule

bad := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {"server_side_encryption": [{"enabled": false}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {"server_side_encryption": [{"enabled": true}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {"server_side_encryption": [{"enabled": {"$unknown": "var.x"}}]}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {"server_side_encryption": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_dax_cluster.this", "type": "aws_dax_cluster", "name": "this", "config": {"server_side_encryption": [{}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_dax_cluster.this does not encrypt its nodes at rest", "resource": "aws_dax_cluster.this", "path": ["server_side_encryption", 0, "enabled"], "fix": [{"op": "set", "path": ["server_side_encryption", 0, "enabled"], "value": true}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
	count(rule.deny) == 1 with input as also_bad_1
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

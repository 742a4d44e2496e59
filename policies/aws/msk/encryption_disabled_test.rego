package palisade.aws.msk.encryption_disabled_test

import data.palisade.aws.msk.encryption_disabled as rule

bad := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_at_rest_kms_key_arn": "k", "encryption_in_transit": [{"client_broker": "PLAINTEXT"}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_at_rest_kms_key_arn": "k", "encryption_in_transit": [{"client_broker": "TLS", "in_cluster": true}]}]}, "references": []}]}

good_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_at_rest_kms_key_arn": "k"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_in_transit": [{"client_broker": {"$unknown": "var.x"}, "in_cluster": {"$unknown": "var.x"}}]}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_in_transit": [{"in_cluster": false}]}]}, "references": []}]}

also_bad_2 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT", "in_cluster": false}]}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_msk_cluster.this accepts plaintext traffic from clients", "resource": "aws_msk_cluster.this", "path": ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"], "fix": [{"op": "set", "path": ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"], "value": "TLS"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
	count(rule.deny) == 1 with input as also_bad_1
	count(rule.deny) == 1 with input as also_bad_2
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

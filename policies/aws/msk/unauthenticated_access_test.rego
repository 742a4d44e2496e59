package palisade.aws.msk.unauthenticated_access_test

import data.palisade.aws.msk.unauthenticated_access as rule

cluster(config) := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": config, "references": []}]}

test_no_client_authentication_fires if {
	rule.deny == {{"msg": "aws_msk_cluster.this has no client_authentication: clients connect without authenticating", "resource": "aws_msk_cluster.this", "path": ["client_authentication"]}} with input as cluster({"cluster_name": "a"})
}

test_unauthenticated_true_fires if {
	rule.deny == {{"msg": "aws_msk_cluster.this allows unauthenticated client access", "resource": "aws_msk_cluster.this", "path": ["client_authentication", 0, "unauthenticated"]}} with input as cluster({"client_authentication": [{"unauthenticated": true, "sasl": [{"iam": true}]}]})
}

test_authenticated_passes if {
	count(rule.deny) == 0 with input as cluster({"client_authentication": [{"sasl": [{"iam": true}]}]})
	count(rule.deny) == 0 with input as cluster({"client_authentication": [{"unauthenticated": false, "tls": [{"certificate_authority_arns": ["arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/x"]}]}]})
}

# A block from an unknown dynamic for_each, or an unknown flag, is not judged.
test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as cluster({"client_authentication": {"$unknown": "var.auth"}})
	count(rule.deny) == 0 with input as cluster({"client_authentication": [{"unauthenticated": {"$unknown": "var.allow"}}]})
}

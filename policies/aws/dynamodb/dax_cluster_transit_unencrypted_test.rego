package palisade.aws.dynamodb.dax_cluster_transit_unencrypted_test

import data.palisade.aws.dynamodb.dax_cluster_transit_unencrypted as rule

cluster(config) := {"resources": [{"address": "aws_dax_cluster.cache", "type": "aws_dax_cluster", "name": "cache", "config": object.union({"cluster_name": "cache", "node_type": "dax.r5.large", "replication_factor": 3}, config), "references": []}]}

fix := [{"op": "set", "path": ["cluster_endpoint_encryption_type"], "value": "TLS"}]

test_fires_on_default if {
	rule.deny == {{"msg": "aws_dax_cluster.cache serves clients over plain TCP (cluster_endpoint_encryption_type defaults to NONE)", "resource": "aws_dax_cluster.cache", "path": ["cluster_endpoint_encryption_type"], "fix": fix}} with input as cluster({})
}

test_fires_on_none if {
	rule.deny == {{"msg": "aws_dax_cluster.cache serves clients over plain TCP (cluster_endpoint_encryption_type = \"NONE\")", "resource": "aws_dax_cluster.cache", "path": ["cluster_endpoint_encryption_type"], "fix": fix}} with input as cluster({"cluster_endpoint_encryption_type": "NONE"})
}

test_passes if {
	count(rule.deny) == 0 with input as cluster({"cluster_endpoint_encryption_type": "TLS"})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as cluster({"cluster_endpoint_encryption_type": {"$unknown": "var.encryption_type"}})
}

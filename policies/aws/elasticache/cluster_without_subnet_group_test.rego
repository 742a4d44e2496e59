package palisade.aws.elasticache.cluster_without_subnet_group_test

import data.palisade.aws.elasticache.cluster_without_subnet_group as rule

bad := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached", "subnet_group_name": "private"}, "references": []}]}

good_1 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"replication_group_id": "rg"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached", "subnet_group_name": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_elasticache_cluster.this has no subnet_group_name, so it runs in the default network", "resource": "aws_elasticache_cluster.this", "path": ["subnet_group_name"]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

package palisade.aws.elasticache.standalone_redis_cluster_test

import data.palisade.aws.elasticache.standalone_redis_cluster as rule

cluster(config) := {"address": "aws_elasticache_cluster.c", "type": "aws_elasticache_cluster", "name": "c", "config": config, "references": []}

# Discourse's and Mastodon's single-node Redis caches (held-out s23/H8).
test_standalone_redis_fires if {
	rule.deny == {{
		"msg": "aws_elasticache_cluster.c is a Redis cluster outside a replication group: ElastiCache cannot encrypt it at rest or in transit",
		"resource": "aws_elasticache_cluster.c", "path": ["engine"],
	}} with input as {"resources": [cluster({"cluster_id": "c", "engine": "redis"})]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"cluster_id": "c", "engine": "Redis"})]}
}

test_group_members_memcached_and_unknown_engines_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_id": "c", "replication_group_id": {"$unknown": "aws_elasticache_replication_group.g.id"}})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_id": "c", "engine": "redis", "replication_group_id": "g"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_id": "c", "engine": "memcached"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_id": "c", "engine": {"$unknown": "var.engine"}})]}
}

package palisade.aws.elasticache.redis_version_outdated_test

import data.palisade.aws.elasticache.redis_version_outdated as rule

bad := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": "3.2.6"}, "references": []}]}

good_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": "4.0.10"}, "references": []}]}

good_1 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": "6.x"}, "references": []}]}

good_2 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": "7.1"}, "references": []}]}

good_3 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached", "engine_version": "1.6.17"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "engine_version": "2.8.24"}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_elasticache_cluster.this runs Redis 3.2.6, older than 4.0.10", "resource": "aws_elasticache_cluster.this", "path": ["engine_version"]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
	count(rule.deny) == 0 with input as good_2
	count(rule.deny) == 0 with input as good_3
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_with_old_redis_fires if {
	rule.deny == {{"msg": "module.cache runs Redis 3.2.10, older than 4.0.10", "resource": "module.cache", "path": ["engine_version"]}} with input as {"resources": [], "modules": [ec({"engine_version": "3.2.10"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec({}), ec({"engine_version": "7.1"}), ec({"engine": "valkey", "engine_version": "3.2.10"})]}
}

redis_cluster(v) := {"resources": [{"address": "aws_elasticache_cluster.c", "type": "aws_elasticache_cluster", "name": "c", "config": {"engine": "redis", "engine_version": v}, "references": []}]}

test_version_written_as_a_number if {
	count(rule.deny) == 1 with input as redis_cluster(3.2)
	count(rule.deny) == 0 with input as redis_cluster(7.1)
}

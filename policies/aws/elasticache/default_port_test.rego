package palisade.aws.elasticache.default_port_test

import data.palisade.aws.elasticache.default_port as rule

bad := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "port": 6379}, "references": []}]}

good_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "port": 6380}, "references": []}]}

good_1 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached", "port": 11212}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "port": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached"}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_elasticache_cluster.this uses the default redis port 6379", "resource": "aws_elasticache_cluster.this", "path": ["port"]}} with input as bad
}

test_also_fires if {
	count(rule.warn) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
	count(rule.warn) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
	count(rule.warn) == 0 with input as unknown_1
}

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

# A replication group names itself with replication_group_id; that must not hide it.
group_default_port := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "engine": "redis", "port": 6379}, "references": []}]}

group_no_port := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "description": "sessions"}, "references": []}]}

group_other_port := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "engine": "redis", "port": 6380}, "references": []}]}

# A cluster that joins a group listens on the group's port: only the group is judged.
group_member := {"resources": [{"address": "aws_elasticache_cluster.replica", "type": "aws_elasticache_cluster", "name": "replica", "config": {"replication_group_id": "cache"}, "references": []}]}

test_replication_group_with_its_id_fires if {
	rule.warn == {{"msg": "aws_elasticache_replication_group.cache uses the default redis port 6379", "resource": "aws_elasticache_replication_group.cache", "path": ["port"]}} with input as group_default_port
	count(rule.warn) == 1 with input as group_no_port
}

test_replication_group_on_another_port_passes if {
	count(rule.warn) == 0 with input as group_other_port
}

test_group_member_cluster_is_not_judged if {
	count(rule.warn) == 0 with input as group_member
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_on_the_default_port_fires if {
	rule.warn == {{"msg": "module.cache uses the default redis port 6379", "resource": "module.cache", "path": ["port"]}} with input as {"resources": [], "modules": [ec({})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [ec({"create_replication_group": false, "create_cluster": true, "engine": "memcached", "port": 11211})]}
}

test_opaque_module_other_port_or_nothing_created_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [ec({"port": 6380}), ec({"port": {"$unknown": "var.port"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [ec({"create_replication_group": false})]}
}

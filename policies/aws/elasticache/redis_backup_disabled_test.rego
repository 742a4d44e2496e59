package palisade.aws.elasticache.redis_backup_disabled_test

import data.palisade.aws.elasticache.redis_backup_disabled as rule

bad := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "snapshot_retention_limit": 0}, "references": []}]}

good_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "snapshot_retention_limit": 5}, "references": []}]}

good_1 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached"}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "snapshot_retention_limit": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis"}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_elasticache_cluster.this does not keep automatic backups (snapshot_retention_limit is 0)", "resource": "aws_elasticache_cluster.this", "path": ["snapshot_retention_limit"], "fix": [{"op": "set", "path": ["snapshot_retention_limit"], "value": 7}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

# A replication group names itself with replication_group_id; that must not hide it.
group_without_backups := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "description": "sessions"}, "references": []}]}

group_with_backups := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "snapshot_retention_limit": 7}, "references": []}]}

# A cluster that joins a group takes the group's backup settings: only the group is judged.
group_member := {"resources": [{"address": "aws_elasticache_cluster.replica", "type": "aws_elasticache_cluster", "name": "replica", "config": {"replication_group_id": "cache", "engine": "redis"}, "references": []}]}

test_replication_group_with_its_id_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.cache does not keep automatic backups (snapshot_retention_limit is 0)", "resource": "aws_elasticache_replication_group.cache", "path": ["snapshot_retention_limit"], "fix": [{"op": "set", "path": ["snapshot_retention_limit"], "value": 7}]}} with input as group_without_backups
}

test_replication_group_with_backups_passes if {
	count(rule.deny) == 0 with input as group_with_backups
}

test_group_member_cluster_is_not_judged if {
	count(rule.deny) == 0 with input as group_member
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_without_backups_fires if {
	rule.deny == {{"msg": "module.cache does not keep automatic backups (snapshot_retention_limit is 0)", "resource": "module.cache", "path": ["snapshot_retention_limit"], "fix": [{"op": "set", "path": ["snapshot_retention_limit"], "value": 7}]}} with input as {"resources": [], "modules": [ec({})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [ec({"engine": "valkey", "snapshot_retention_limit": 0})]}
}

test_opaque_module_with_backups_or_memcached_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec({"snapshot_retention_limit": 7}), ec({"engine": "memcached"}), ec({"create": false})]}
}

# tfsec's rule tests pass a Redis cache.t1.micro without retention: that node type cannot snapshot.
test_t1_micro_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elasticache_cluster.tiny", "type": "aws_elasticache_cluster", "name": "tiny", "config": {"engine": "redis", "node_type": "cache.t1.micro"}, "references": []}]}
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_elasticache_cluster.small", "type": "aws_elasticache_cluster", "name": "small", "config": {"engine": "redis", "node_type": "cache.t2.micro"}, "references": []}]}
}

test_empty_replication_group_id_is_no_group if {
	c := {"address": "aws_elasticache_cluster.c", "type": "aws_elasticache_cluster", "name": "c", "config": {"engine": "redis", "replication_group_id": ""}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [c]}
}

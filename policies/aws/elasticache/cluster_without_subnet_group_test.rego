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

# Replication groups are placed by their own subnet_group_name (replication_group_id is their name).
group_default_network := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "engine": "redis", "description": "sessions"}, "references": []}]}

group_in_subnets := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "subnet_group_name": "private"}, "references": []}]}

group_unknown_subnets := {"resources": [{"address": "aws_elasticache_replication_group.cache", "type": "aws_elasticache_replication_group", "name": "cache", "config": {"replication_group_id": "cache", "subnet_group_name": {"$unknown": "aws_elasticache_subnet_group.private.name"}}, "references": []}]}

test_replication_group_without_subnet_group_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.cache has no subnet_group_name, so it runs in the default network", "resource": "aws_elasticache_replication_group.cache", "path": ["subnet_group_name"]}} with input as group_default_network
}

test_replication_group_in_subnets_passes if {
	count(rule.deny) == 0 with input as group_in_subnets
	count(rule.deny) == 0 with input as group_unknown_subnets
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_without_subnet_group_fires if {
	rule.deny == {{"msg": "module.cache has no subnet group, so it runs in the default network", "resource": "module.cache", "path": ["create_subnet_group"]}} with input as {"resources": [], "modules": [ec({"create_subnet_group": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec({}), ec({"create_subnet_group": false, "subnet_group_name": "cache"})]}
}

# subnet_group_name = "" names no subnet group: the cluster runs in the default network.
test_empty_subnet_group_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "memcached", "subnet_group_name": ""}, "references": []}]}
}

# Naming the default VPC's subnet group is the default placement too.
test_default_subnet_group_fires if {
	rule.deny == {{"msg": "aws_elasticache_cluster.this uses the default subnet group, so it runs in the default VPC", "resource": "aws_elasticache_cluster.this", "path": ["subnet_group_name"]}} with input as {"resources": [{"address": "aws_elasticache_cluster.this", "type": "aws_elasticache_cluster", "name": "this", "config": {"engine": "redis", "subnet_group_name": "default"}, "references": []}]}
}

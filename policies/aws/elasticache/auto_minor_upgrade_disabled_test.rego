package palisade.aws.elasticache.auto_minor_upgrade_disabled_test

import data.palisade.aws.elasticache.auto_minor_upgrade_disabled as rule

res(type, config) := {"resources": [{"address": concat(".", [type, "cache"]), "type": type, "name": "cache", "config": config, "references": []}]}

test_fires_when_false if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.cache does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", "resource": "aws_elasticache_replication_group.cache", "path": ["auto_minor_version_upgrade"], "fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}]}} with input as res("aws_elasticache_replication_group", {"replication_group_id": "cache", "auto_minor_version_upgrade": false})
	count(rule.deny) == 1 with input as res("aws_elasticache_cluster", {"cluster_id": "cache", "engine": "redis", "auto_minor_version_upgrade": "false"})
}

test_passes if {
	count(rule.deny) == 0 with input as res("aws_elasticache_cluster", {"cluster_id": "cache", "engine": "redis"})
	count(rule.deny) == 0 with input as res("aws_elasticache_replication_group", {"replication_group_id": "cache", "auto_minor_version_upgrade": true})
}

# A member cluster takes its group's setting.
test_group_member_is_not_judged if {
	count(rule.deny) == 0 with input as res("aws_elasticache_cluster", {"cluster_id": "cache", "replication_group_id": "group", "auto_minor_version_upgrade": false})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as res("aws_elasticache_replication_group", {"replication_group_id": "cache", "auto_minor_version_upgrade": {"$unknown": "var.auto_minor_version_upgrade"}})
}

# The argument is documented for Redis and Valkey only.
test_memcached_is_not_judged if {
	count(rule.deny) == 0 with input as res("aws_elasticache_cluster", {"cluster_id": "cache", "engine": "memcached", "auto_minor_version_upgrade": false})
	count(rule.deny) == 1 with input as res("aws_elasticache_cluster", {"cluster_id": "cache", "engine": "valkey", "auto_minor_version_upgrade": false})
}

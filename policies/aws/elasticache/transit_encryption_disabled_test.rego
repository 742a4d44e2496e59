package palisade.aws.elasticache.transit_encryption_disabled_test

import data.palisade.aws.elasticache.transit_encryption_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.this does not encrypt traffic in transit", "resource": "aws_elasticache_replication_group.this", "path": ["transit_encryption_enabled"], "fix": [{"op": "set", "path": ["transit_encryption_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"transit_encryption_enabled": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.this does not encrypt traffic in transit", "resource": "aws_elasticache_replication_group.this", "path": ["transit_encryption_enabled"], "fix": [{"op": "set", "path": ["transit_encryption_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"transit_encryption_enabled": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"transit_encryption_enabled": {"$unknown": "var.x"}}, "references": []}]}
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_without_transit_encryption_fires if {
	rule.deny == {{"msg": "module.cache does not encrypt traffic in transit", "resource": "module.cache", "path": ["transit_encryption_enabled"], "fix": [{"op": "set", "path": ["transit_encryption_enabled"], "value": true}]}} with input as {"resources": [], "modules": [ec({"transit_encryption_enabled": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec({}), ec({"transit_encryption_enabled": false, "create": false})]}
}

test_global_datastore_secondary_is_judged_by_its_primary if {
	secondary := {"resources": [{"address": "aws_elasticache_replication_group.s", "type": "aws_elasticache_replication_group", "name": "s", "config": {"global_replication_group_id": {"$unknown": "aws_elasticache_global_replication_group.g.global_replication_group_id"}}, "references": []}]}
	count(rule.deny) == 0 with input as secondary
}

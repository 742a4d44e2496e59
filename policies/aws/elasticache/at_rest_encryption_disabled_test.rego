package palisade.aws.elasticache.at_rest_encryption_disabled_test

import data.palisade.aws.elasticache.at_rest_encryption_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.this is not encrypted at rest", "resource": "aws_elasticache_replication_group.this", "path": ["at_rest_encryption_enabled"], "fix": [{"op": "set", "path": ["at_rest_encryption_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"at_rest_encryption_enabled": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_elasticache_replication_group.this is not encrypted at rest", "resource": "aws_elasticache_replication_group.this", "path": ["at_rest_encryption_enabled"], "fix": [{"op": "set", "path": ["at_rest_encryption_enabled"], "value": true}]}} with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"at_rest_encryption_enabled": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": {"at_rest_encryption_enabled": {"$unknown": "var.x"}}, "references": []}]}
}

ec(config) := {"address": "module.cache", "source": "terraform-aws-modules/elasticache/aws", "config": config}

test_opaque_module_without_at_rest_encryption_fires if {
	rule.deny == {{"msg": "module.cache is not encrypted at rest", "resource": "module.cache", "path": ["at_rest_encryption_enabled"], "fix": [{"op": "set", "path": ["at_rest_encryption_enabled"], "value": true}]}} with input as {"resources": [], "modules": [ec({"at_rest_encryption_enabled": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec({}), ec({"at_rest_encryption_enabled": false, "create_replication_group": false})]}
}

group(config) := {"resources": [{"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": config, "references": []}]}

test_valkey_is_encrypted_by_default if {
	count(rule.deny) == 0 with input as group({"engine": "valkey"})
	count(rule.deny) == 0 with input as group({"engine": "Valkey", "at_rest_encryption_enabled": true})
	count(rule.deny) == 1 with input as group({"engine": "valkey", "at_rest_encryption_enabled": "false"})
	count(rule.deny) == 1 with input as group({"engine": "redis"})
}

test_global_datastore_secondary_is_judged_by_its_primary if {
	count(rule.deny) == 0 with input as group({"global_replication_group_id": {"$unknown": "aws_elasticache_global_replication_group.g.global_replication_group_id"}})
	count(rule.deny) == 0 with input as group({"global_replication_group_id": "ldgnf-g"})
	count(rule.deny) == 1 with input as group({"global_replication_group_id": ""})
}

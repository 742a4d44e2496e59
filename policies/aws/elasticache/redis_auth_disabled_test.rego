package palisade.aws.elasticache.redis_auth_disabled_test

import data.palisade.aws.elasticache.redis_auth_disabled as rule

group(config) := {"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": config, "references": []}

test_no_auth_fires if {
	rule.deny == {{
		"msg": "aws_elasticache_replication_group.this lets any client connect without authentication (neither auth_token nor user_group_ids is set)",
		"resource": "aws_elasticache_replication_group.this", "path": ["auth_token"],
	}} with input as {"resources": [group({"transit_encryption_enabled": true})]}
	count(rule.deny) == 1 with input as {"resources": [group({"transit_encryption_enabled": true, "user_group_ids": []})]}
	count(rule.deny) == 1 with input as {"resources": [group({"transit_encryption_enabled": "true", "auth_token": ""})]}
}

test_auth_token_or_user_group_passes if {
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "auth_token": {"$unknown": "random_password.auth.result"}})]}
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "user_group_ids": [{"$unknown": "aws_elasticache_user_group.app.id"}]})]}
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "user_group_ids": {"$unknown": "var.user_group_ids"}})]}
}

# Without (known) transit encryption AUTH cannot be used: PAL-AWS-ELASTICACHE-002's business.
test_without_transit_encryption_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group({}), group({"transit_encryption_enabled": false}), group({"transit_encryption_enabled": {"$unknown": "var.tls"}})]}
}

test_global_datastore_secondary_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "global_replication_group_id": {"$unknown": "aws_elasticache_global_replication_group.g.global_replication_group_id"}})]}
}

serverless(config) := {"address": "aws_elasticache_serverless_cache.this", "type": "aws_elasticache_serverless_cache", "name": "this", "config": config, "references": []}

test_serverless_without_user_group_fires if {
	rule.deny == {{
		"msg": "aws_elasticache_serverless_cache.this lets any client connect without authentication (no user_group_id)",
		"resource": "aws_elasticache_serverless_cache.this", "path": ["user_group_id"],
	}} with input as {"resources": [serverless({"engine": "valkey"})]}
	count(rule.deny) == 1 with input as {"resources": [serverless({"engine": "redis", "user_group_id": ""})]}
}

test_serverless_with_user_group_or_memcached_passes if {
	count(rule.deny) == 0 with input as {"resources": [serverless({"engine": "valkey", "user_group_id": {"$unknown": "aws_elasticache_user_group.app.user_group_id"}})]}
	count(rule.deny) == 0 with input as {"resources": [serverless({"engine": "memcached"})]}
	count(rule.deny) == 0 with input as {"resources": [serverless({"engine": {"$unknown": "var.engine"}})]}
}

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

group(config) := {"address": "aws_elasticache_replication_group.this", "type": "aws_elasticache_replication_group", "name": "this", "config": config, "references": []}

enable_fix := [{"op": "set", "path": ["transit_encryption_enabled"], "value": true}]

# Below Redis 7.0.5 the provider replaces the group to enable transit encryption: a valid apply.
test_fix_below_7_0_5 if {
	every v in ["3.2.6", "5.0.6", "6.x", "6.2", "7.0.4"] {
		rule.deny == {{"msg": "aws_elasticache_replication_group.this does not encrypt traffic in transit", "resource": "aws_elasticache_replication_group.this", "path": ["transit_encryption_enabled"], "fix": enable_fix}} with input as {"resources": [group({"engine_version": v})]}
	}
}

# From 7.0.5 (or an engine_version not known here) an existing group must pass through "preferred":
# the one-step edit would fail there, so no fix, and the message names the two steps.
test_no_fix_from_7_0_5 if {
	every v in ["7.0", "7.0.5", "7.1", "8.0"] {
		rule.deny == {{
			"msg": sprintf(`aws_elasticache_replication_group.this does not encrypt traffic in transit (no fix: with engine_version "%s", an existing group is changed in place in two applies, transit_encryption_mode = "preferred" first, then "required")`, [v]),
			"resource": "aws_elasticache_replication_group.this", "path": ["transit_encryption_enabled"],
		}} with input as {"resources": [group({"engine_version": v, "transit_encryption_enabled": false})]}
	}
}

test_no_fix_for_an_unknown_engine_version if {
	some f in rule.deny with input as {"resources": [group({"engine_version": {"$unknown": "var.engine_version"}})]}
	not f.fix
	contains(f.msg, "with an engine_version that may be 7.0.5 or later")
}

# "preferred" still accepts clear-text clients: reported until "required" (the in-place second step).
test_preferred_mode_fires_until_required if {
	rule.deny == {{
		"msg": `aws_elasticache_replication_group.this accepts unencrypted connections (transit_encryption_mode = "preferred")`,
		"resource": "aws_elasticache_replication_group.this", "path": ["transit_encryption_mode"],
		"fix": [{"op": "set", "path": ["transit_encryption_mode"], "value": "required"}],
	}} with input as {"resources": [group({"engine_version": "7.1", "transit_encryption_enabled": true, "transit_encryption_mode": "preferred"})]}
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "transit_encryption_mode": "required"})]}
	count(rule.deny) == 0 with input as {"resources": [group({"transit_encryption_enabled": true, "transit_encryption_mode": {"$unknown": "var.mode"}})]}
}

test_preferred_mode_in_an_opaque_module_fires if {
	some f in rule.deny with input as {"resources": [], "modules": [ec({"transit_encryption_mode": "preferred"})]}
	f.path == ["transit_encryption_mode"]
	f.fix == [{"op": "set", "path": ["transit_encryption_mode"], "value": "required"}]
}

test_opaque_module_from_7_0_5_has_no_fix if {
	some f in rule.deny with input as {"resources": [], "modules": [ec({"transit_encryption_enabled": false, "engine_version": "7.1"})]}
	f.path == ["transit_encryption_enabled"]
	not f.fix
}

# With transit encryption itself reported (unset or false), "preferred" adds no second finding.
test_preferred_mode_is_not_reported_twice if {
	findings := rule.deny with input as {"resources": [group({"engine_version": "6.2", "transit_encryption_mode": "preferred"})]}
	[f.path | some f in findings] == [["transit_encryption_enabled"]]
}

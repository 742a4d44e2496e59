package palisade.aws.memorydb.snapshot_retention_disabled_test

import data.palisade.aws.memorydb.snapshot_retention_disabled as rule

cluster(config) := {"address": "aws_memorydb_cluster.this", "type": "aws_memorydb_cluster", "name": "this", "config": config, "references": []}

finding := {
	"msg": "aws_memorydb_cluster.this does not keep automatic snapshots (snapshot_retention_limit is 0)",
	"resource": "aws_memorydb_cluster.this", "path": ["snapshot_retention_limit"],
	"fix": [{"op": "set", "path": ["snapshot_retention_limit"], "value": 7}],
}

test_zero_and_unset_fire if {
	rule.deny == {finding} with input as {"resources": [cluster({"snapshot_retention_limit": 0})]}
	rule.deny == {finding} with input as {"resources": [cluster({"snapshot_retention_limit": "0"})]}
	rule.deny == {finding} with input as {"resources": [cluster({})]}
}

test_retention_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"snapshot_retention_limit": 1})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"snapshot_retention_limit": {"$unknown": "var.days"}})]}
}

mdb(config) := {"address": "module.cache", "source": "terraform-aws-modules/memory-db/aws", "config": config}

test_opaque_module_without_retention_fires if {
	rule.deny == {{
		"msg": "module.cache does not keep automatic snapshots (snapshot_retention_limit is 0)",
		"resource": "module.cache", "path": ["snapshot_retention_limit"],
		"fix": [{"op": "set", "path": ["snapshot_retention_limit"], "value": 7}],
	}} with input as {"resources": [], "modules": [mdb({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [mdb({"snapshot_retention_limit": 7}), mdb({"create": false})]}
}

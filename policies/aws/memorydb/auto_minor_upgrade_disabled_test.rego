package palisade.aws.memorydb.auto_minor_upgrade_disabled_test

import data.palisade.aws.memorydb.auto_minor_upgrade_disabled as rule

cluster(config) := {"address": "aws_memorydb_cluster.this", "type": "aws_memorydb_cluster", "name": "this", "config": config, "references": []}

test_false_fires if {
	rule.deny == {{
		"msg": "aws_memorydb_cluster.this does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)",
		"resource": "aws_memorydb_cluster.this", "path": ["auto_minor_version_upgrade"],
		"fix": [{"op": "set", "path": ["auto_minor_version_upgrade"], "value": true}],
	}} with input as {"resources": [cluster({"acl_name": "app", "auto_minor_version_upgrade": false})]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"auto_minor_version_upgrade": "false"})]}
}

# Unset is the provider's default, true.
test_default_true_and_unknown_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({}), cluster({"auto_minor_version_upgrade": true})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"auto_minor_version_upgrade": {"$unknown": "var.upgrade"}})]}
}

mdb(config) := {"address": "module.cache", "source": "terraform-aws-modules/memory-db/aws", "config": config}

test_opaque_module if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [mdb({"auto_minor_version_upgrade": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [mdb({})]}
}

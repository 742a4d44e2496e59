package palisade.aws.neptune.audit_log_disabled_test

import data.palisade.aws.neptune.audit_log_disabled as rule

cluster(config, refs) := {"address": "aws_neptune_cluster.graph", "type": "aws_neptune_cluster", "name": "graph", "config": config, "references": refs}

group(parameters) := {"address": "aws_neptune_cluster_parameter_group.audit", "type": "aws_neptune_cluster_parameter_group", "name": "audit", "config": {"family": "neptune1.3", "name": "audit", "parameter": parameters}, "references": []}

group_ref := [{"path": ["neptune_cluster_parameter_group_name"], "target": "aws_neptune_cluster_parameter_group.audit"}]

exports := {"enable_cloudwatch_logs_exports": ["audit"]}

test_default_group_fires_on_the_exports if {
	rule.deny == {{
		"msg": "aws_neptune_cluster.graph exports audit logs but keeps a default cluster parameter group, whose neptune_enable_audit_log is 0: Neptune writes no audit log",
		"resource": "aws_neptune_cluster.graph", "path": ["enable_cloudwatch_logs_exports"],
	}} with input as {"resources": [cluster(exports, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster(object.union(exports, {"neptune_cluster_parameter_group_name": "default.neptune1.3"}), [])]}
}

test_group_without_the_parameter_fires_with_a_fix if {
	rule.deny == {{
		"msg": "aws_neptune_cluster_parameter_group.audit leaves neptune_enable_audit_log at 0, so aws_neptune_cluster.graph exports no audit log",
		"resource": "aws_neptune_cluster_parameter_group.audit", "path": ["parameter"],
		"fix": [{"op": "add_block", "path": [], "type": "parameter", "repeatable": true, "config": {"name": "neptune_enable_audit_log", "value": "1"}}],
	}} with input as {"resources": [
		cluster(object.union(exports, {"neptune_cluster_parameter_group_name": {"$unknown": "aws_neptune_cluster_parameter_group.audit.name"}}), group_ref),
		group([{"name": "neptune_query_timeout", "value": "25"}]),
	]}
}

test_group_setting_zero_fires_on_the_value if {
	some f in rule.deny with input as {"resources": [
		cluster(object.union(exports, {"neptune_cluster_parameter_group_name": "audit"}), []),
		group([{"name": "neptune_enable_audit_log", "value": 0}]),
	]}
	f.path == ["parameter", 0, "value"]
	f.fix == [{"op": "set", "path": ["parameter", 0, "value"], "value": "1"}]
}

test_audit_on_or_not_exported_passes if {
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"neptune_cluster_parameter_group_name": "audit"}), []),
		group([{"name": "neptune_enable_audit_log", "value": "1"}]),
	]}

	# Not exported: NEPTUNE-004's finding, not this one; a group no exporting cluster names is not judged.
	count(rule.deny) == 0 with input as {"resources": [cluster({}, []), group([])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"neptune_cluster_parameter_group_name": "audit"}, []), group([])]}
}

test_unknown_group_or_parameters_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(exports, {"neptune_cluster_parameter_group_name": {"$unknown": "var.group"}}), [])]}
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"neptune_cluster_parameter_group_name": "audit"}), []),
		group({"$unknown": "var.parameters"}),
	]}
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"neptune_cluster_parameter_group_name": "audit"}), []),
		group([{"name": {"$unknown": "each.key"}, "value": "1"}]),
	]}
}

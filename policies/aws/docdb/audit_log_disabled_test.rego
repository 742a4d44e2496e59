package palisade.aws.docdb.audit_log_disabled_test

import data.palisade.aws.docdb.audit_log_disabled as rule

cluster(config, refs) := {"address": "aws_docdb_cluster.docs", "type": "aws_docdb_cluster", "name": "docs", "config": config, "references": refs}

group(parameters) := {"address": "aws_docdb_cluster_parameter_group.audit", "type": "aws_docdb_cluster_parameter_group", "name": "audit", "config": {"family": "docdb5.0", "name": "audit", "parameter": parameters}, "references": []}

group_ref := [{"path": ["db_cluster_parameter_group_name"], "target": "aws_docdb_cluster_parameter_group.audit"}]

exports := {"enabled_cloudwatch_logs_exports": ["audit", "profiler"]}

test_default_group_fires_on_the_exports if {
	rule.deny == {{
		"msg": "aws_docdb_cluster.docs exports audit logs but keeps a default cluster parameter group, whose audit_logs is disabled: DocumentDB writes no audit log",
		"resource": "aws_docdb_cluster.docs", "path": ["enabled_cloudwatch_logs_exports"],
	}} with input as {"resources": [cluster(exports, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster(object.union(exports, {"db_cluster_parameter_group_name": "default.docdb5.0"}), [])]}
}

test_group_without_the_parameter_fires_with_a_fix if {
	rule.deny == {{
		"msg": "aws_docdb_cluster_parameter_group.audit leaves audit_logs disabled, so aws_docdb_cluster.docs exports no audit log",
		"resource": "aws_docdb_cluster_parameter_group.audit", "path": ["parameter"],
		"fix": [{"op": "add_block", "path": [], "type": "parameter", "repeatable": true, "config": {"name": "audit_logs", "value": "enabled"}}],
	}} with input as {"resources": [
		cluster(object.union(exports, {"db_cluster_parameter_group_name": {"$unknown": "aws_docdb_cluster_parameter_group.audit.name"}}), group_ref),
		group([{"name": "tls", "value": "enabled"}]),
	]}
}

test_group_turning_it_off_fires_on_the_value if {
	some value in ["disabled", "none", "DISABLED"]
	some f in rule.deny with input as {"resources": [
		cluster(object.union(exports, {"db_cluster_parameter_group_name": "audit"}), []),
		group([{"name": "tls", "value": "enabled"}, {"name": "audit_logs", "value": value}]),
	]}
	f.path == ["parameter", 1, "value"]
	f.fix == [{"op": "set", "path": ["parameter", 1, "value"], "value": "enabled"}]
}

test_audit_on_or_not_exported_passes if {
	every value in ["enabled", "all", "ddl", "dml_read,dml_write"] {
		count(rule.deny) == 0 with input as {"resources": [
			cluster(object.union(exports, {"db_cluster_parameter_group_name": "audit"}), []),
			group([{"name": "audit_logs", "value": value}]),
		]}
	}

	# Not exported: DOCDB-003's finding, not this one; a group no exporting cluster names is not judged.
	count(rule.deny) == 0 with input as {"resources": [cluster({}, []), group([])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"db_cluster_parameter_group_name": "audit"}, []), group([])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"enabled_cloudwatch_logs_exports": ["profiler"]}, []), group([])]}
}

test_unknown_group_or_parameters_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(exports, {"db_cluster_parameter_group_name": {"$unknown": "var.group"}}), [])]}
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"db_cluster_parameter_group_name": "audit"}), []),
		group({"$unknown": "var.parameters"}),
	]}
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"db_cluster_parameter_group_name": "audit"}), []),
		group([{"name": {"$unknown": "each.key"}, "value": "disabled"}]),
	]}
	count(rule.deny) == 0 with input as {"resources": [
		cluster(object.union(exports, {"db_cluster_parameter_group_name": "audit"}), []),
		group([{"name": "audit_logs", "value": {"$unknown": "var.audit"}}]),
	]}
}

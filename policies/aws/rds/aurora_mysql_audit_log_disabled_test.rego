package palisade.aws.rds.aurora_mysql_audit_log_disabled_test

import data.palisade.aws.rds.aurora_mysql_audit_log_disabled as rule

cluster(config, refs) := {"address": "aws_rds_cluster.db", "type": "aws_rds_cluster", "name": "db", "config": object.union({"engine": "aurora-mysql"}, config), "references": refs}

group(parameters) := {
	"address": "aws_rds_cluster_parameter_group.audit", "type": "aws_rds_cluster_parameter_group", "name": "audit",
	"config": {"family": "aurora-mysql8.0", "name": "audit", "parameter": parameters}, "references": [],
}

group_ref := [{"path": ["db_cluster_parameter_group_name"], "target": "aws_rds_cluster_parameter_group.audit"}]

by_ref := {"db_cluster_parameter_group_name": {"$unknown": "aws_rds_cluster_parameter_group.audit.name"}}

audit := {"enabled_cloudwatch_logs_exports": ["audit", "error"]}

on := {"name": "server_audit_logging", "value": "1"}

events := {"name": "server_audit_events", "value": "CONNECT,QUERY_DCL,QUERY_DDL"}

test_other_logs_without_audit_fire if {
	rule.deny == {{
		"msg": "aws_rds_cluster.db exports error, slowquery but not the audit log (\"audit\", with server_audit_logging = 1)",
		"resource": "aws_rds_cluster.db", "path": ["enabled_cloudwatch_logs_exports"],
	}} with input as {"resources": [cluster({"enabled_cloudwatch_logs_exports": ["error", "slowquery"]}, [])]}
}

test_nothing_exported_is_rds_014s if {
	count(rule.deny) == 0 with input as {"resources": [cluster({}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"enabled_cloudwatch_logs_exports": []}, [])]}
}

test_audit_on_the_default_group_fires if {
	rule.deny == {{
		"msg": "aws_rds_cluster.db exports audit logs but keeps a default cluster parameter group, whose server_audit_logging is 0: Aurora writes no audit log",
		"resource": "aws_rds_cluster.db", "path": ["enabled_cloudwatch_logs_exports"],
	}} with input as {"resources": [cluster(audit, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster(object.union(audit, {"db_cluster_parameter_group_name": "default.aurora-mysql8.0"}), [])]}
}

test_declared_group_gaps_fire if {
	rule.deny == {
		{
			"msg": "aws_rds_cluster_parameter_group.audit leaves server_audit_logging at its default OFF, so aws_rds_cluster.db exports no audit log",
			"resource": "aws_rds_cluster_parameter_group.audit", "path": ["parameter"],
		},
		{
			"msg": "aws_rds_cluster_parameter_group.audit names no server_audit_events, so aws_rds_cluster.db exports no audit log",
			"resource": "aws_rds_cluster_parameter_group.audit", "path": ["parameter"],
		},
	} with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([{"name": "max_connections", "value": "500"}])]}

	some f in rule.deny with input as {"resources": [cluster(object.union(audit, {"db_cluster_parameter_group_name": "audit"}), []), group([{"name": "server_audit_logging", "value": "OFF"}, events])]}
	f.msg == "aws_rds_cluster_parameter_group.audit sets server_audit_logging to OFF, so aws_rds_cluster.db exports no audit log"
	count(rule.deny) == 1 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([on, {"name": "server_audit_events", "value": ""}])]}
}

test_audited_cluster_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([on, events])]}
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([{"name": "Server_Audit_Logging", "value": 1}, events])]}
}

test_unknowns_and_other_engines_pass if {
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, {"db_cluster_parameter_group_name": {"$unknown": "var.group"}}), [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group({"$unknown": "var.parameters"})]}
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([{"name": {"$unknown": "each.key"}, "value": "1"}])]}
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union(audit, by_ref), group_ref), group([{"name": "server_audit_logging", "value": {"$unknown": "var.on"}}, {"name": "server_audit_events", "value": {"$unknown": "var.events"}}])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": ["postgresql"]}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": {"$unknown": "var.engine"}, "enabled_cloudwatch_logs_exports": ["error"]}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine_mode": "serverless", "enabled_cloudwatch_logs_exports": ["error"]}, [])]}

	# A group no auditing cluster names is not judged.
	count(rule.deny) == 0 with input as {"resources": [cluster({"db_cluster_parameter_group_name": "audit"}, []), group([])]}
}

# terraform-aws-modules/rds-aurora (session 23). Read at commit 26ccdea0 (v9): the cluster gets the
# module's own group (family, db_cluster_parameter_group_parameters as a list of {name, value})
# when create_db_cluster_parameter_group is true, else db_cluster_parameter_group_name (null: the
# default group); enabled_cloudwatch_logs_exports is passed through in v5 and v9 alike.
aurora(config) := {"address": "module.db", "source": "terraform-aws-modules/rds-aurora/aws", "version": "~> 9.0", "config": object.union({"engine": "aurora-mysql"}, config)}

module_input(config) := {"resources": [], "modules": [aurora(config)]}

test_module_other_logs_without_audit_fire if {
	rule.deny == {{
		"msg": "module.db exports error, slowquery but not the audit log (\"audit\", with server_audit_logging = 1)",
		"resource": "module.db", "path": ["enabled_cloudwatch_logs_exports"],
	}} with input as module_input({"enabled_cloudwatch_logs_exports": ["error", "slowquery"]})
	count(rule.deny) == 0 with input as module_input({"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": ["postgresql"]})
	count(rule.deny) == 0 with input as module_input({"engine_mode": "serverless", "enabled_cloudwatch_logs_exports": ["error"]})
}

test_module_own_group_without_auditing_fires if {
	own := {"create_db_cluster_parameter_group": true, "db_cluster_parameter_group_family": "aurora-mysql8.0"}
	rule.deny == {{
		"msg": "module.db's cluster parameter group leaves server_audit_logging at its default OFF, so module.db exports no audit log",
		"resource": "module.db", "path": ["db_cluster_parameter_group_parameters"],
	}} with input as module_input(object.union_n([audit, own, {"db_cluster_parameter_group_parameters": [events]}]))
	count(rule.deny) == 2 with input as module_input(object.union_n([audit, own, {"db_cluster_parameter_group_parameters": []}]))
	count(rule.deny) == 0 with input as module_input(object.union_n([audit, own, {"db_cluster_parameter_group_parameters": [on, events]}]))
	count(rule.deny) == 0 with input as module_input(object.union_n([audit, own, {"db_cluster_parameter_group_parameters": {"$unknown": "var.p"}}]))
	count(rule.deny) == 0 with input as module_input(object.union_n([audit, own, {"db_cluster_parameter_group_parameters": [{"name": {"$unknown": "var.n"}, "value": "1"}]}]))
}

test_module_default_group_fires_only_where_the_inputs_are_known if {
	rule.deny == {{
		"msg": "module.db exports audit logs but keeps a default cluster parameter group, whose server_audit_logging is 0: Aurora writes no audit log",
		"resource": "module.db", "path": ["enabled_cloudwatch_logs_exports"],
	}} with input as module_input(audit)
	count(rule.deny) == 1 with input as module_input(object.union(audit, {"db_cluster_parameter_group_name": "default.aurora-mysql8.0"}))
	count(rule.deny) == 0 with input as module_input(object.union(audit, {"db_cluster_parameter_group_name": "custom"}))
	count(rule.deny) == 0 with input as module_input(object.union(audit, {"cluster_parameter_group": {"family": "aurora-mysql8.0"}}))
	v10 := object.union(aurora(audit), {"version": "~> 10.0"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v10]}
	unpinned := object.remove(aurora(audit), ["version"])
	count(rule.deny) == 0 with input as {"resources": [], "modules": [unpinned]}
}

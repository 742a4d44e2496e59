package palisade.aws.redshift.user_activity_logging_disabled_test

import data.palisade.aws.redshift.user_activity_logging_disabled as rule

cluster(config, refs) := {"address": "aws_redshift_cluster.dw", "type": "aws_redshift_cluster", "name": "dw", "config": object.union({"cluster_identifier": "dw"}, config), "references": refs}

logging(config, refs) := {"address": "aws_redshift_logging.dw", "type": "aws_redshift_logging", "name": "dw", "config": config, "references": refs}

group(parameters) := {"address": "aws_redshift_parameter_group.audit", "type": "aws_redshift_parameter_group", "name": "audit", "config": {"family": "redshift-1.0", "name": "audit", "parameter": parameters}, "references": []}

group_ref := [{"path": ["cluster_parameter_group_name"], "target": "aws_redshift_parameter_group.audit"}]

cluster_ref := [{"path": ["cluster_identifier"], "target": "aws_redshift_cluster.dw"}]

all_logs := {"log_destination_type": "cloudwatch", "log_exports": ["connectionlog", "userlog", "useractivitylog"], "cluster_identifier": {"$unknown": "aws_redshift_cluster.dw.id"}}

test_default_group_fires_on_the_logging_resource if {
	rule.deny == {{
		"msg": "aws_redshift_logging.dw exports the user activity log but aws_redshift_cluster.dw keeps a default parameter group, whose enable_user_activity_logging is false: Redshift writes no user activity log",
		"resource": "aws_redshift_logging.dw", "path": ["log_exports"],
	}} with input as {"resources": [cluster({}, []), logging(all_logs, cluster_ref)]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"cluster_parameter_group_name": "default.redshift-1.0"}, []), logging(object.union(all_logs, {"cluster_identifier": "dw"}), [])]}
}

test_default_group_fires_on_the_logging_block if {
	block := {"enable": true, "log_destination_type": "cloudwatch", "log_exports": ["useractivitylog"]}
	some f in rule.deny with input as {"resources": [cluster({"logging": [block]}, [])]}
	f.resource == "aws_redshift_cluster.dw"
	f.path == ["logging", 0, "log_exports"]
}

test_group_without_the_parameter_fires_with_a_fix if {
	rule.deny == {{
		"msg": "aws_redshift_parameter_group.audit leaves enable_user_activity_logging false, so aws_redshift_cluster.dw exports no user activity log",
		"resource": "aws_redshift_parameter_group.audit", "path": ["parameter"],
		"fix": [{"op": "add_block", "path": [], "type": "parameter", "repeatable": true, "config": {"name": "enable_user_activity_logging", "value": "true"}}],
	}} with input as {"resources": [
		cluster({"cluster_parameter_group_name": {"$unknown": "aws_redshift_parameter_group.audit.name"}}, group_ref),
		logging(all_logs, cluster_ref),
		group([{"name": "require_ssl", "value": "true"}]),
	]}
}

test_group_turning_it_off_fires_on_the_value if {
	some value in ["false", "FALSE"]
	some f in rule.deny with input as {"resources": [
		cluster({"cluster_parameter_group_name": "audit"}, []),
		logging(all_logs, cluster_ref),
		group([{"name": "require_ssl", "value": "true"}, {"name": "enable_user_activity_logging", "value": value}]),
	]}
	f.path == ["parameter", 1, "value"]
	f.fix == [{"op": "set", "path": ["parameter", 1, "value"], "value": "true"}]
}

test_group_turning_it_on_passes if {
	count(rule.deny) == 0 with input as {"resources": [
		cluster({"cluster_parameter_group_name": "audit"}, []),
		logging(all_logs, cluster_ref),
		group([{"name": "enable_user_activity_logging", "value": "true"}]),
	]}
}

test_no_user_activity_export_passes if {
	some_logs := object.union(all_logs, {"log_exports": ["connectionlog", "userlog"]})
	count(rule.deny) == 0 with input as {"resources": [cluster({}, []), logging(some_logs, cluster_ref), group([])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"logging": [{"enable": false, "log_exports": ["useractivitylog"]}]}, [])]}
}

test_unknowns_stay_quiet if {
	# A group named by a variable, a logging resource for an unknown cluster, a dynamic parameter list.
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_parameter_group_name": {"$unknown": "var.group"}}, []), logging(all_logs, cluster_ref)]}
	count(rule.deny) == 0 with input as {"resources": [cluster({}, []), logging(object.union(all_logs, {"cluster_identifier": {"$unknown": "var.cluster"}}), [])]}
	dynamic := object.union(group([]), {"config": {"name": "audit", "parameter": {"$unknown": "dynamic"}}})
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_parameter_group_name": "audit"}, []), logging(all_logs, cluster_ref), dynamic]}
}

test_group_no_cluster_exports_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"cluster_parameter_group_name": "audit"}, []), group([])]}
}

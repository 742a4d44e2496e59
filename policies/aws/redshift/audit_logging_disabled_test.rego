package palisade.aws.redshift.audit_logging_disabled_test

import data.palisade.aws.redshift.audit_logging_disabled as rule

cluster(config) := {"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": object.union({"cluster_identifier": "dw"}, config), "references": []}

test_no_logging_fires_on_the_cluster if {
	{f.path | some f in rule.deny} == {["logging"]} with input as {"resources": [cluster({})]}
}

test_logging_block_disabled_fires_on_enable if {
	{f.path | some f in rule.deny} == {["logging", 0, "enable"]} with input as {"resources": [cluster({"logging": [{"enable": false}]})]}
}

test_logging_block_enabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"logging": [{"enable": true, "bucket_name": "logs"}]})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"logging": [{"enable": {"$unknown": "var.on"}}]})]}
}

# The provider v5+ form: an aws_redshift_logging resource for the cluster.
test_logging_resource_passes if {
	by_ref := {"address": "aws_redshift_logging.this", "type": "aws_redshift_logging", "name": "this", "config": {"cluster_identifier": {"$unknown": "aws_redshift_cluster.this.id"}, "log_destination_type": "cloudwatch"}, "references": [{"path": ["cluster_identifier"], "target": "aws_redshift_cluster.this"}]}
	count(rule.deny) == 0 with input as {"resources": [cluster({}), by_ref]}
	by_name := {"address": "aws_redshift_logging.this", "type": "aws_redshift_logging", "name": "this", "config": {"cluster_identifier": "dw"}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [cluster({"logging": [{"enable": false}]}), by_name]}
	other := {"address": "aws_redshift_logging.this", "type": "aws_redshift_logging", "name": "this", "config": {"cluster_identifier": "other"}, "references": []}
	count(rule.deny) == 1 with input as {"resources": [cluster({}), other]}
}

test_fix_adds_a_logging_resource if {
	some f in rule.deny with input as {"resources": [cluster({})]}
	[op] := f.fix
	op.op == "add_resource"
	op.type == "aws_redshift_logging"
	op.config.log_destination_type == "cloudwatch"
}

# aws_redshift_logging came with provider v5.45.0: a unit held below it gets no fix.
test_no_fix_below_provider_5_45 if {
	some f in rule.deny with input as {"resources": [cluster({})], "required_providers": {"aws": ["~> 5.30.0"]}}
	not f.fix
}

# A block that only switches logging off is replaced by the resource; one that names a bucket is not.
test_fix_replaces_a_disabled_block if {
	some f in rule.deny with input as {"resources": [cluster({"logging": [{"enable": false}]})]}
	f.fix[0] == {"op": "remove", "path": ["logging", 0]}
	f.fix[1].type == "aws_redshift_logging"
	some g in rule.deny with input as {"resources": [cluster({"logging": [{"enable": false, "bucket_name": "logs"}]})]}
	not g.fix
}

# Round 36: the user activity log is asked for only when the cluster's parameter group writes it
# (enable_user_activity_logging); exporting it otherwise is what PAL-AWS-REDSHIFT-014 reports.
test_fix_exports_the_user_activity_log_only_when_written if {
	some f in rule.deny with input as {"resources": [cluster({})]}
	f.fix[0].config.log_exports == ["connectionlog", "userlog"]
	on := {"address": "aws_redshift_parameter_group.pg", "type": "aws_redshift_parameter_group", "name": "pg", "references": [], "config": {"name": "pg", "family": "redshift-1.0", "parameter": [{"name": "enable_user_activity_logging", "value": "true"}]}}
	some g in rule.deny with input as {"resources": [cluster({"cluster_parameter_group_name": "pg"}), on]}
	g.fix[0].config.log_exports == ["connectionlog", "userlog", "useractivitylog"]
}

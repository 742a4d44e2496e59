package palisade.aws.rds.enhanced_monitoring_disabled_test

import data.palisade.aws.rds.enhanced_monitoring_disabled as rule

db(config) := {"address": "aws_db_instance.main", "type": "aws_db_instance", "name": "main", "config": config, "references": []}

test_unset_fires_with_a_role if {
	[f] := [f | some f in rule.warn] with input as {"resources": [db({"engine": "postgres"})]}
	f.msg == "aws_db_instance.main does not collect Enhanced Monitoring metrics (monitoring_interval is 0)"
	f.path == ["monitoring_interval"]
	[role] := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_iam_role"]
	role.name == "main_monitoring"
	[attachment] := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_iam_role_policy_attachment"]
	attachment.config.policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
	[trust] := [op | some op in f.fix; op.op == "add_data"; op.type == "aws_iam_policy_document"]
	trust.config.statement[0].principals[0].identifiers == ["monitoring.rds.amazonaws.com"]
	{"op": "set", "path": ["monitoring_interval"], "value": 60} in f.fix
	{"op": "set", "path": ["monitoring_role_arn"], "value": {"$expr": "aws_iam_role.main_monitoring.arn"}} in f.fix
}

test_zero_with_a_role_gets_the_interval_only if {
	[f] := [f | some f in rule.warn] with input as {"resources": [db({"monitoring_interval": 0, "monitoring_role_arn": {"$unknown": "var.role"}})]}
	f.fix == [{"op": "set", "path": ["monitoring_interval"], "value": 60}]
}

test_counted_instance_gets_no_fix if {
	[f] := [f | some f in rule.warn] with input as {"resources": [object.union(db({}), {"address": "aws_db_instance.main[0]", "index": 0})]}
	not f.fix
}

test_enabled_and_unknown_pass if {
	count(rule.warn) == 0 with input as {"resources": [db({"monitoring_interval": 30})]}
	count(rule.warn) == 0 with input as {"resources": [db({"monitoring_interval": {"$unknown": "var.interval"}})]}
}

call(source, config) := {"address": "module.db", "name": "db", "source": source, "config": config}

test_registry_modules if {
	[aurora] := [f | some f in rule.warn] with input as {"resources": [], "modules": [call("terraform-aws-modules/rds-aurora/aws", {})]}
	aurora.fix == [{"op": "set", "path": ["monitoring_interval"], "value": 60}]
	[rds] := [f | some f in rule.warn] with input as {"resources": [], "modules": [call("terraform-aws-modules/rds/aws", {})]}
	not rds.fix
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call("terraform-aws-modules/rds/aws", {"monitoring_interval": 60})]}
}

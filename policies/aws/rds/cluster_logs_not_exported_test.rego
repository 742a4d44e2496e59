package palisade.aws.rds.cluster_logs_not_exported_test

import data.palisade.aws.rds.cluster_logs_not_exported as rule

cluster(config) := {"address": "aws_rds_cluster.this", "type": "aws_rds_cluster", "name": "this", "config": config, "references": []}

test_unset_fires_with_the_engine_logs if {
	rule.deny == {{"msg": "aws_rds_cluster.this publishes no database logs to CloudWatch Logs", "resource": "aws_rds_cluster.this", "path": ["enabled_cloudwatch_logs_exports"], "fix": [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["postgresql"]}]}} with input as {"resources": [cluster({"engine": "aurora-postgresql"})]}
	some mysql in rule.deny with input as {"resources": [cluster({"engine": "aurora-mysql", "enabled_cloudwatch_logs_exports": []})]}
	mysql.fix == [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["error"]}]
	some multi_az in rule.deny with input as {"resources": [cluster({"engine": "postgres", "db_cluster_instance_class": "db.m5d.large"})]}
	multi_az.fix == [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["postgresql"]}]
}

test_unknown_or_absent_engine_fires_without_fix if {
	some unknown_engine in rule.deny with input as {"resources": [cluster({"engine": {"$unknown": "var.engine"}})]}
	unknown_engine.fix == []
	some absent in rule.deny with input as {"resources": [cluster({})]}
	absent.fix == []
}

test_any_export_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-mysql", "enabled_cloudwatch_logs_exports": ["audit"]})]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": {"$unknown": "var.logs"}})]}
}

test_serverless_v1_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-mysql", "engine_mode": "serverless"})]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"engine": "aurora-postgresql", "engine_mode": "provisioned"})]}
}

aurora_call(config) := {"address": "module.aurora", "source": "terraform-aws-modules/rds-aurora/aws", "config": config}

test_opaque_module if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [aurora_call({"engine": "aurora-postgresql"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [aurora_call({"engine": "aurora-postgresql", "enabled_cloudwatch_logs_exports": ["postgresql"]})]}
}

instance(key, engine) := {"address": sprintf("aws_rds_cluster.fe[%q]", [key]), "type": "aws_rds_cluster", "name": "fe", "config": {"engine": engine}, "references": []}

# Instances of one for_each block share the text the fix edits: with engines of both families no
# fix is offered ("error" is no Aurora PostgreSQL log); with one family it is (round 13).
test_fix_withheld_when_instances_differ_in_family if {
	mixed := {"resources": [instance("a", "aurora-mysql"), instance("b", "aurora-postgresql"), cluster({"engine": "aurora-postgresql"})]}
	{[f.resource, f.fix] | some f in rule.deny with input as mixed} == {
		["aws_rds_cluster.fe[\"a\"]", []],
		["aws_rds_cluster.fe[\"b\"]", []],
		["aws_rds_cluster.this", [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["postgresql"]}]],
	}
	same := {"resources": [instance("a", "aurora-mysql"), instance("b", "mysql")]}
	{f.fix | some f in rule.deny with input as same} == {[{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["error"]}]}
}

package palisade.aws.rds.logs_not_exported_test

import data.palisade.aws.rds.logs_not_exported as rule

db(config) := {"address": "aws_db_instance.this", "type": "aws_db_instance", "name": "this", "config": config, "references": []}

test_unset_fires_with_the_engine_logs if {
	rule.deny == {{"msg": "aws_db_instance.this publishes no database logs to CloudWatch Logs", "resource": "aws_db_instance.this", "path": ["enabled_cloudwatch_logs_exports"], "fix": [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["postgresql", "upgrade"]}]}} with input as {"resources": [db({"engine": "postgres"})]}
	some f in rule.deny with input as {"resources": [db({"engine": "mysql", "enabled_cloudwatch_logs_exports": []})]}
	f.fix == [{"op": "set", "path": ["enabled_cloudwatch_logs_exports"], "value": ["error"]}]
}

test_unknown_engine_fires_without_fix if {
	some f in rule.deny with input as {"resources": [db({"engine": {"$unknown": "var.engine"}})]}
	f.fix == []
}

test_any_export_passes if {
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres", "enabled_cloudwatch_logs_exports": ["upgrade"]})]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mysql", "enabled_cloudwatch_logs_exports": {"$unknown": "var.logs"}})]}
}

rds_call(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "config": config}

test_opaque_module if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [rds_call({"engine": "mysql"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rds_call({"engine": "mysql", "enabled_cloudwatch_logs_exports": ["error"]})]}
}

test_aurora_instance_is_judged_on_its_cluster if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_db_instance.a", "type": "aws_db_instance", "name": "a", "config": {"engine": "aurora-postgresql", "cluster_identifier": "c"}, "references": []}]}
}

package palisade.aws.dms.replication_task_logging_disabled_test

import data.palisade.aws.dms.replication_task_logging_disabled as rule

task(extra) := {"address": "aws_dms_replication_task.t", "type": "aws_dms_replication_task", "name": "t", "references": [], "config": object.union({"replication_task_id": "t", "migration_type": "cdc"}, extra)}

msg := "aws_dms_replication_task.t does not log its replication to CloudWatch Logs (EnableLogging is not true)"

test_no_settings_or_no_logging_section_fires if {
	[[f.msg, f.path] | some f in rule.deny] == [[msg, ["replication_task_settings"]]] with input as {"resources": [task({})]}
	[f.path | some f in rule.deny] == [["replication_task_settings"]] with input as {"resources": [task({"replication_task_settings": "{\"TargetMetadata\":{\"SupportLobs\":true}}"})]}
}

test_enable_logging_false_fires_in_string_or_decoded_json if {
	[f.path | some f in rule.deny] == [["replication_task_settings", "Logging", "EnableLogging"]] with input as {"resources": [task({"replication_task_settings": "{\"Logging\":{\"EnableLogging\":false}}"})]}
	decoded := {"Logging": {"EnableLogging": false}, "TargetMetadata": {"BucketFolder": {"$unknown": "var.folder"}}}
	[f.path | some f in rule.deny] == [["replication_task_settings", "Logging", "EnableLogging"]] with input as {"resources": [task({"replication_task_settings": decoded})]}
	[f.path | some f in rule.deny] == [["replication_task_settings", "Logging", "EnableLogging"]] with input as {"resources": [task({"replication_task_settings": "{\"Logging\":{\"LogComponents\":[]}}"})]}
}

test_serverless_replication_config_fires if {
	config := {"address": "aws_dms_replication_config.c", "type": "aws_dms_replication_config", "name": "c", "references": [], "config": {"replication_settings": "{\"Logging\":{\"EnableLogging\":false}}"}}
	[[f.resource, f.path] | some f in rule.deny] == [["aws_dms_replication_config.c", ["replication_settings", "Logging", "EnableLogging"]]] with input as {"resources": [config]}
}

test_logging_on_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [task({"replication_task_settings": "{\"Logging\":{\"EnableLogging\":true}}"})]}
	count(rule.deny) == 0 with input as {"resources": [task({"replication_task_settings": {"$unknown": "file(\"settings.json\")"}})]}
	count(rule.deny) == 0 with input as {"resources": [task({"replication_task_settings": {"Logging": {"EnableLogging": {"$unknown": "var.log"}}}})]}
	count(rule.deny) == 0 with input as {"resources": [task({"replication_task_settings": {"Logging": {"$unknown": "local.logging"}}})]}
}

test_serverless_replication_config_without_logging_setting_not_judged if {
	# No AWS page read gives DMS Serverless's default for EnableLogging, and a public configuration
	# reports serverless replications logging without being asked: only a written false counts.
	count(rule.deny) == 0 with input as {"resources": [serverless({})]}
	count(rule.deny) == 0 with input as {"resources": [serverless({"replication_settings": "{\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":8}}"})]}
	count(rule.deny) == 0 with input as {"resources": [serverless({"replication_settings": "{\"Logging\":{\"LogComponents\":[]}}"})]}
	count(rule.deny) == 1 with input as {"resources": [serverless({"replication_settings": "{\"Logging\":{\"EnableLogging\":false}}"})]}
}

serverless(settings) := {"address": "aws_dms_replication_config.c", "type": "aws_dms_replication_config", "name": "c", "references": [], "config": settings}

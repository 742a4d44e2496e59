package palisade.aws.ecs.exec_logging_disabled_test

import data.palisade.aws.ecs.exec_logging_disabled as rule

cluster(config) := {"resources": [{"address": "aws_ecs_cluster.main", "type": "aws_ecs_cluster", "name": "main", "config": config, "references": []}]}

exec_conf(exec) := {"configuration": [{"execute_command_configuration": [exec]}]}

test_none_fires if {
	rule.deny == {{
		"msg": "aws_ecs_cluster.main does not log ECS Exec sessions (execute_command_configuration.logging = \"NONE\")",
		"resource": "aws_ecs_cluster.main",
		"path": ["configuration", 0, "execute_command_configuration", 0, "logging"],
	}} with input as cluster(exec_conf({"logging": "NONE"}))
}

test_default_passes if {
	count(rule.deny) == 0 with input as cluster(exec_conf({"logging": "DEFAULT"}))
}

test_unset_logging_passes if {
	count(rule.deny) == 0 with input as cluster(exec_conf({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}))
}

test_override_passes if {
	count(rule.deny) == 0 with input as cluster(exec_conf({"logging": "OVERRIDE", "log_configuration": [{"cloud_watch_log_group_name": "exec"}]}))
}

test_no_configuration_passes if {
	count(rule.deny) == 0 with input as cluster({"name": "main"})
}

test_unknown_logging_does_not_fire if {
	count(rule.deny) == 0 with input as cluster(exec_conf({"logging": {"$unknown": "var.exec_logging"}}))
}

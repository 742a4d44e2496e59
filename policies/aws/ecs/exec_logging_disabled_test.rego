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

# terraform-aws-modules/ecs (session 23): v5's cluster_configuration (root module and the cluster
# submodule) feeds execute_command_configuration.logging to the cluster, the caller's value over
# the module's OVERRIDE default. Only that verified shape is read.
ecs_call(source, config) := {"address": "module.ecs", "source": source, "version": "~> 5.0", "config": config}

none_conf := {"cluster_name": "main", "cluster_configuration": {"execute_command_configuration": {"logging": "NONE"}}}

test_module_cluster_configuration_none_fires if {
	rule.deny == {{
		"msg": "module.ecs does not log ECS Exec sessions (execute_command_configuration.logging = \"NONE\")",
		"resource": "module.ecs", "path": ["cluster_configuration", "execute_command_configuration", "logging"],
	}} with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws", none_conf)]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws//modules/cluster", none_conf)]}
}

test_module_other_logging_or_not_created_passes if {
	override := {"cluster_configuration": {"execute_command_configuration": {"logging": "OVERRIDE"}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws", override)]}
	unknown_conf := {"cluster_configuration": {"execute_command_configuration": {"logging": {"$unknown": "var.l"}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws", unknown_conf)]}
	not_created := object.union(none_conf, {"create": false})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws", not_created)]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs_call("terraform-aws-modules/ecs/aws//modules/service", none_conf)]}
}

package palisade.aws.ecs.host_pid_namespace_test

import data.palisade.aws.ecs.host_pid_namespace as rule

task(config) := {"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": object.union({"family": "app", "container_definitions": "[]"}, config), "references": []}

test_host_pid_mode_fires if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app shares the host's process namespace (pid_mode = \"host\")", "resource": "aws_ecs_task_definition.app", "path": ["pid_mode"], "fix": [{"op": "remove", "path": ["pid_mode"]}]}} with input as {"resources": [task({"pid_mode": "host"})]}
}

test_task_or_unset_pid_mode_passes if {
	count(rule.deny) == 0 with input as {"resources": [task({"pid_mode": "task"})]}
	count(rule.deny) == 0 with input as {"resources": [task({})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [task({"pid_mode": {"$unknown": "var.pid_mode"}})]}
}

service_submodule(config) := {"address": "module.agent", "name": "agent", "source": "terraform-aws-modules/ecs/aws//modules/service", "config": config}

ecs(config) := {"address": "module.ecs", "name": "ecs", "source": "terraform-aws-modules/ecs/aws", "version": "~> 6.0", "config": config}

# Round 22: the service submodule and the root module's services map.
test_module_forms_fire if {
	rule.deny == {{"msg": "module.agent shares the host's process namespace with its task (pid_mode = \"host\")", "resource": "module.agent", "path": ["pid_mode"], "fix": [{"op": "remove", "path": ["pid_mode"]}]}} with input as {"resources": [], "modules": [service_submodule({"name": "agent", "pid_mode": "host"})]}
	rule.deny == {{"msg": "service agent of module.ecs shares the host's process namespace with its task (pid_mode = \"host\")", "resource": "module.ecs", "path": ["services", "agent", "pid_mode"], "fix": [{"op": "remove", "path": ["services", "agent", "pid_mode"]}]}} with input as {"resources": [], "modules": [ecs({"services": {"agent": {"pid_mode": "host"}, "web": {"pid_mode": "task"}}})]}
}

test_module_quiet_cases if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"pid_mode": "task"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"pid_mode": "host", "create_task_definition": false, "task_definition_arn": "arn:aws:ecs:us-east-1:111122223333:task-definition/a:1"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [service_submodule({"pid_mode": {"$unknown": "var.pid_mode"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"services": {"agent": {"pid_mode": "host", "create": false}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"create": false, "services": {"agent": {"pid_mode": "host"}}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ecs({"services": {"$unknown": "var.services"}})]}
}

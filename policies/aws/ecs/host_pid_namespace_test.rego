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

package palisade.aws.ecs.root_filesystem_writable_test

import data.palisade.aws.ecs.root_filesystem_writable as rule

task(defs) := {"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"family": "app", "container_definitions": defs}, "references": []}

test_fires_when_left_out if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app lets container app write to its root file system (readonlyRootFilesystem is not set)", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 0]}} with input as {"resources": [task(`[{"name": "app", "image": "nginx"}]`)]}
}

test_fires_when_false_with_fix if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app lets container sidecar write to its root file system (readonlyRootFilesystem = false)", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 1, "readonlyRootFilesystem"], "fix": [{"op": "set", "path": ["container_definitions", 1, "readonlyRootFilesystem"], "value": true}]}} with input as {"resources": [task([{"name": "app", "image": {"$unknown": "var.image"}, "readonlyRootFilesystem": true}, {"name": "sidecar", "readonlyRootFilesystem": false}])]}
}

test_passes_when_read_only if {
	count(rule.deny) == 0 with input as {"resources": [task(`[{"name": "app", "image": "nginx", "readonlyRootFilesystem": true}]`)]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [task({"$unknown": "local.defs"})]}
	count(rule.deny) == 0 with input as {"resources": [task([{"$unknown": "local.app_container"}])]}
	count(rule.deny) == 0 with input as {"resources": [task([{"name": "app", "readonlyRootFilesystem": {"$unknown": "var.ro"}}])]}
}

windows_task(family) := json.patch(task(`[{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}]`), [{"op": "add", "path": "/config/runtime_platform", "value": [{"operating_system_family": family, "cpu_architecture": "X86_64"}]}])

# ECS does not support a read-only root file system for Windows containers.
test_windows_is_skipped if {
	count(rule.deny) == 0 with input as {"resources": [windows_task("WINDOWS_SERVER_2022_CORE")]}
	count(rule.deny) == 0 with input as {"resources": [windows_task({"$unknown": "var.os"})]}
	count(rule.deny) == 1 with input as {"resources": [windows_task("LINUX")]}
}

# A name from a variable is not spelled out as an unknown: the container's index is.
test_unknown_name_uses_index if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app lets container at index 1 write to its root file system (readonlyRootFilesystem is not set)", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 1]}} with input as {"resources": [task([{"name": "app", "readonlyRootFilesystem": true}, {"name": {"$unknown": "var.name"}, "image": "x"}])]}
}

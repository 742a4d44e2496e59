package palisade.aws.ecs.privileged_container_test

import data.palisade.aws.ecs.privileged_container as rule

task(defs) := {"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"family": "app", "container_definitions": defs}, "references": []}

test_privileged_fires if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app runs container app as privileged", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 0, "privileged"], "fix": [{"op": "set", "path": ["container_definitions", 0, "privileged"], "value": false}]}} with input as {"resources": [task(`[{"name": "app", "image": "nginx", "privileged": true}]`)]}
}

test_unprivileged_passes if {
	count(rule.deny) == 0 with input as {"resources": [task(`[{"name": "app", "image": "nginx"}]`)]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [task({"$unknown": "local.defs"})]}
	count(rule.deny) == 0 with input as {"resources": [task([{"name": "app", "privileged": {"$unknown": "var.priv"}}])]}
}

test_second_container_is_placed_on_its_own_key if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app runs container sidecar as privileged", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 1, "privileged"], "fix": [{"op": "set", "path": ["container_definitions", 1, "privileged"], "value": false}]}} with input as {"resources": [task([{"name": "app", "image": {"$unknown": "var.image"}}, {"name": "sidecar", "privileged": true}])]}
}

test_invalid_json_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [task(`[{"name": "app", "privileged": true`)]}
}

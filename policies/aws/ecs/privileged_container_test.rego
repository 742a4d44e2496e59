package palisade.aws.ecs.privileged_container_test

import data.palisade.aws.ecs.privileged_container as rule

task(defs) := {"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"family": "app", "container_definitions": defs}, "references": []}

test_privileged_fires if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app runs container app as privileged", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions"]}} with input as {"resources": [task(`[{"name": "app", "image": "nginx", "privileged": true}]`)]}
}

test_unprivileged_passes if {
	count(rule.deny) == 0 with input as {"resources": [task(`[{"name": "app", "image": "nginx"}]`)]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [task({"$unknown": "local.defs"})]}
	count(rule.deny) == 0 with input as {"resources": [task([{"name": "app", "privileged": {"$unknown": "var.priv"}}])]}
}

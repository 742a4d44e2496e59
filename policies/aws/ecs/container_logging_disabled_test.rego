package palisade.aws.ecs.container_logging_disabled_test

import data.palisade.aws.ecs.container_logging_disabled as rule

task(defs) := {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "config": {"container_definitions": defs}, "references": []}]}

test_container_without_log_configuration_fires if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app has no log configuration for container web", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 1]}} with input as task(`[{"name": "proxy", "logConfiguration": {"logDriver": "awslogs"}}, {"name": "web"}]`)
}

test_log_configuration_without_driver_fires if {
	rule.deny == {{"msg": "aws_ecs_task_definition.app has no log configuration for container at index 0", "resource": "aws_ecs_task_definition.app", "path": ["container_definitions", 0]}} with input as task([{"name": {"$unknown": "var.name"}, "logConfiguration": {"options": {}}}])
}

test_any_log_driver_passes if {
	count(rule.deny) == 0 with input as task([{"name": "web", "logConfiguration": {"logDriver": "awsfirelens"}}])
	count(rule.deny) == 0 with input as task(`[{"name": "web", "logConfiguration": {"logDriver": "splunk"}}]`)
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as task({"$unknown": "var.containers"})
	count(rule.deny) == 0 with input as task([{"name": "web", "logConfiguration": {"$unknown": "local.logging"}}])
	count(rule.deny) == 0 with input as task([{"name": "web", "logConfiguration": {"logDriver": {"$unknown": "var.driver"}}}])
}

package palisade.aws.ecs.host_network_root_container_test

import data.palisade.aws.ecs.host_network_root_container as rule

task(mode, defs) := {"resources": [{
	"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "references": [],
	"config": {"family": "app", "network_mode": mode, "container_definitions": defs},
}]}

test_fires_on_host_mode_without_user if {
	rule.deny == {{
		"msg": "aws_ecs_task_definition.app uses the host's network (network_mode = \"host\") with container app running as root",
		"resource": "aws_ecs_task_definition.app", "path": ["network_mode"],
	}} with input as task("host", `[{"name": "app", "image": "nginx"}]`)
}

test_fires_on_root_user_forms if {
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "user": "root"}])
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "user": "0"}])
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "user": "0:0"}])
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "user": "root:wheel"}])
}

test_names_every_root_container if {
	findings := rule.deny with input as task("host", [{"name": "app"}, {"name": "agent", "user": "1000"}, {"name": "proxy", "user": "root"}])
	count(findings) == 1
	some f in findings
	f.msg == "aws_ecs_task_definition.app uses the host's network (network_mode = \"host\") with containers app, proxy running as root"
}

# AWS's check (Config ecs-task-definition-user-for-host-mode-check, Security Hub ECS.1) passes a
# container that runs as another user, or one explicitly made privileged (PAL-AWS-ECS-001's finding).
test_passes_non_root_or_privileged if {
	count(rule.deny) == 0 with input as task("host", [{"name": "app", "user": "1000:1000"}])
	count(rule.deny) == 0 with input as task("host", [{"name": "app", "user": "nginx"}])
	count(rule.deny) == 0 with input as task("host", [{"name": "app", "privileged": true}])
}

test_passes_other_network_modes if {
	count(rule.deny) == 0 with input as task("awsvpc", [{"name": "app"}])
	count(rule.deny) == 0 with input as task("bridge", [{"name": "app"}])
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_ecs_task_definition.app", "type": "aws_ecs_task_definition", "name": "app", "references": [], "config": {"family": "app", "container_definitions": [{"name": "app"}]}}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as task({"$unknown": "var.mode"}, [{"name": "app"}])
	count(rule.deny) == 0 with input as task("host", [{"name": "app", "user": {"$unknown": "var.user"}}])
	count(rule.deny) == 0 with input as task("host", {"$unknown": "local.defs"})
}

# A container Terraform does not know (`jsonencode([var.container, …])`, `merge(var.c, {…})`) may
# set its own user: no finding for it, and none named "(unnamed)" (review of round 28).
test_unknown_container_does_not_fire if {
	count(rule.deny) == 0 with input as task("host", [{"$unknown": "var.container"}, {"name": "side", "user": "1000"}])
	count(rule.deny) == 0 with input as task("host", [{"$unknown": "merge(var.container, {name = \"web\"})"}])
}

# privileged = var.privileged may be true, which AWS's check accepts.
test_unknown_privileged_does_not_fire if {
	count(rule.deny) == 0 with input as task("host", [{"name": "app", "privileged": {"$unknown": "var.privileged"}}])
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "privileged": false}])
	count(rule.deny) == 1 with input as task("host", [{"name": "app", "privileged": "false"}])
}

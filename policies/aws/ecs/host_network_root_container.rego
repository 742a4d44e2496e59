# METADATA
# title: ECS task definition runs root containers on the host's network
# description: |
#   The task definition sets network_mode = "host" and at least one of its containers runs as root
#   (no "user", or user root / UID 0) without having been made privileged on purpose. With host
#   networking a container shares the instance's network stack: it binds the instance's ports,
#   sees its interfaces and reaches the instance metadata service and everything the instance can
#   reach, without a task security group in between; as root it can also sniff or alter the
#   host's traffic. AWS's check for this (AWS Config ecs-task-definition-user-for-host-mode-check,
#   Security Hub ECS.1) fails such task definitions, and AWS recommends the awsvpc network mode
#   and a non-root user. Privileged containers are PAL-AWS-ECS-001's finding. A container, user or
#   privileged flag that Terraform only knows at apply time is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-user-for-host-mode-check.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-host.html
# custom:
#   id: PAL-AWS-ECS-009
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-250"]
#   remediation: |
#     Use network_mode = "awsvpc" (or "bridge") so the task gets its own network stack, or set a
#     non-root "user" in each container definition that must keep host networking.
#   fixable: false
package palisade.aws.ecs.host_network_root_container

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: a new network mode changes how the task's ports and security groups work, and another
# user needs an image that runs as that user; both are the author's to choose.
deny contains result.fail(r, ["network_mode"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	unknown.known_string(object.get(r.config, "network_mode", null)) == "host"
	names := [sprintf("%v", [object.get(c, "name", "(unnamed)")]) | some c in containers(r); root_unprivileged(c)]
	count(names) > 0
	msg := sprintf("%s uses the host's network (network_mode = \"host\") with %s %s running as root", [r.address, noun(names), concat(", ", names)])
}

# container_definitions is JSON: decoded by the front end when part of it is unknown, else still
# a string (jsonencode of known values, heredoc).
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

# Docker runs a container as the image's user, root unless the image says otherwise; an unset
# "user" counts as root, as in AWS's check. A user Terraform does not know is left alone, and so
# is a container it does not know (`[var.container, …]`: it may set a user) or one whose
# privileged flag it does not know (AWS's check accepts privileged containers).
root_unprivileged(c) if {
	is_object(c)
	not unknown.is_unknown(c)
	runs_as_root(object.get(c, "user", null))
	unknown.not_true(object.get(c, "privileged", null))
}

runs_as_root(null)

runs_as_root(user) if {
	u := trim_space(unknown.known_string(user))
	split(u, ":")[0] in {"", "root", "0"}
}

noun(names) := "container" if count(names) == 1

noun(names) := "containers" if count(names) > 1

# METADATA
# title: ECS container has no log configuration
# description: |
#   A container definition without logConfiguration (or with one that names no logDriver) sends its
#   standard output and error nowhere ECS keeps: on Fargate they are lost, on EC2 they stay in the
#   Docker json-file log of whichever host ran the task until the host is replaced. What the
#   application printed before a failure, a crash or a compromise cannot be read afterwards. AWS
#   Security Hub (ECS.9) asks for a log configuration on every container definition of a task
#   definition; any log driver counts (awslogs, awsfirelens, splunk, ...).
#   Opaque terraform-aws-modules/ecs calls are not judged: their container-definition submodule
#   logs to CloudWatch Logs unless the caller turns it off.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_logconfiguration
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
# custom:
#   id: PAL-AWS-ECS-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": <log group>,
#     "awslogs-region": <region>, "awslogs-stream-prefix": <prefix>}} to each container definition,
#     with a log group the task execution role may write to.
#   fixable: false
package palisade.aws.ecs.container_logging_disabled

# No fix: the fix layer replaces scalars inside a JSON document but does not add keys to it, and
# the awslogs driver also needs a log group and a task execution role allowed to write to it,
# which only the author can wire in.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# container_definitions as in PAL-AWS-ECS-007: decoded JSON text, or the front end's value.
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

deny contains result.fail(r, ["container_definitions", i], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, c in containers(r)
	is_object(c)
	not unknown.is_unknown(c)
	no_log_driver(object.get(c, "logConfiguration", null))
	msg := sprintf("%s has no log configuration for container %v", [r.address, container_name(c, i)])
}

no_log_driver(null)

no_log_driver(config) if {
	is_object(config)
	not unknown.is_unknown(config)
	object.get(config, "logDriver", null) in {null, ""}
}

# A container's name for messages: its index when the name is not known (a variable, a local).
container_name(c, _) := c.name if is_string(object.get(c, "name", null))

container_name(c, i) := sprintf("at index %d", [i]) if not is_string(object.get(c, "name", null))

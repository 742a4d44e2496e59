# METADATA
# title: ECS task definition shares the host's process namespace
# description: |
#   With pid_mode = "host" every container of the task sees, and with enough privilege can signal
#   or trace, every process on the container instance: the other tasks' processes, the ECS agent
#   and the host's own daemons. It is a step towards escaping the container, and AWS's control
#   for ECS (Security Hub ECS.3) asks task definitions not to share the host's process namespace.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3
# custom:
#   id: PAL-AWS-ECS-005
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_335]
#   cwe: ["CWE-250"]
#   remediation: Remove pid_mode (each container gets its own namespace) or set it to "task" when the task's containers must see each other's processes.
#   fixable: true
package palisade.aws.ecs.host_pid_namespace

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The provider takes "host" or "task"; unset, each container has its own namespace. The fix
# removes the attribute, the default: "task" is the author's choice when containers need it.
deny contains result.fail_fix(r, ["pid_mode"], msg, [result.remove(["pid_mode"])]) if {
	some r in tf.resources("aws_ecs_task_definition")
	unknown.known_string(object.get(r.config, "pid_mode", null)) == "host"
	msg := sprintf("%s shares the host's process namespace (pid_mode = \"host\")", [r.address])
}

# METADATA
# title: ECS task definition shares the host's process namespace
# description: |
#   With pid_mode = "host" every container of the task sees, and with enough privilege can signal
#   or trace, every process on the container instance: the other tasks' processes, the ECS agent
#   and the host's own daemons. It is a step towards escaping the container, and AWS's control
#   for ECS (Security Hub ECS.3) asks task definitions not to share the host's process namespace.
#   Opaque terraform-aws-modules/ecs calls are judged by each `services` entry's pid_mode, and calls
#   of its service submodule by their pid_mode, which both pass to the task definition.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3
# custom:
#   id: PAL-AWS-ECS-005
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition, "module:terraform-aws-modules/ecs/aws", "module:terraform-aws-modules/ecs/aws//modules/service"]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_335]
#   cwe: ["CWE-250"]
#   remediation: Remove pid_mode (each container gets its own namespace) or set it to "task" when the task's containers must see each other's processes.
#   fixable: true
package palisade.aws.ecs.host_pid_namespace

import data.palisade.lib.modules
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

# Round 22: the ecs module's service submodule gives its task definition pid_mode = var.pid_mode
# (default null), and the root module passes each `services` entry's pid_mode on to that submodule.
# The task definition exists with create and create_task_definition left true.
deny contains result.fail_fix(m, ["pid_mode"], module_msg(m.address), [result.remove(["pid_mode"])]) if {
	some m in modules.submodule_calls("ecs", "service")
	modules.creates(m, ["create", "create_task_definition"])
	unknown.known_string(object.get(m.config, "pid_mode", null)) == "host"
}

deny contains result.fail_fix(m, path, module_msg(sprintf("service %s of %s", [key, m.address])), [result.remove(path)]) if {
	some m in modules.opaque_calls("ecs")
	modules.creates(m, ["create"])
	services := object.get(m.config, "services", {})
	is_object(services)
	not unknown.is_unknown(services)
	some key, service in services
	is_object(service)
	object.get(service, "create", true) == true
	object.get(service, "create_task_definition", true) == true
	unknown.known_string(object.get(service, "pid_mode", null)) == "host"
	path := ["services", key, "pid_mode"]
}

module_msg(what) := sprintf("%s shares the host's process namespace with its task (pid_mode = \"host\")", [what])

# METADATA
# title: ECS container can write to its root file system
# description: |
#   A container definition without "readonlyRootFilesystem": true (the default is false) may
#   write anywhere in its root file system: an attacker who gets code execution can drop tools,
#   replace binaries or tamper with configuration that the next process trusts. With a read-only
#   root, the container writes only to the volumes and tmpfs mounts it declares. AWS Security Hub
#   (ECS.5) and the AWS Config rule ecs-containers-readonly-access ask for it on every container.
#   Windows containers are skipped: ECS does not support the parameter for them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/ecs-containers-readonly-access.html
# custom:
#   id: PAL-AWS-ECS-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_336
#   cwe: ["CWE-732"]
#   remediation: >-
#     Set "readonlyRootFilesystem": true in each container definition and mount a volume (or tmpfs)
#     for the paths the application writes.
#   fixable: true
package palisade.aws.ecs.root_filesystem_writable

# Opaque terraform-aws-modules/ecs calls are not judged: its container-definition submodule sets
# readonly_root_filesystem = true unless the caller turns it off.
# The fix is offered only where the container writes "readonlyRootFilesystem": false: that is a key
# whose value a fix can replace (fix/document-set.ts); adding the key to a container that lacks it
# is not rendered, and which paths need a writable volume is the author's to decide either way.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

key := "readonlyRootFilesystem"

# container_definitions is JSON: decoded by the front end when part of it is unknown (an image
# variable), else still a string (jsonencode of known values, heredoc).
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

deny contains result.fail(r, ["container_definitions", i], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	not windows(r)
	some i, c in containers(r)
	is_object(c)
	not unknown.is_unknown(c)
	object.get(c, key, null) == null
	msg := sprintf("%s lets container %v write to its root file system (readonlyRootFilesystem is not set)", [r.address, container_name(c, i)])
}

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_ecs_task_definition")
	not windows(r)
	some i, c in containers(r)
	is_object(c)
	unknown.is_false(object.get(c, key, null))
	path := ["container_definitions", i, key]
	msg := sprintf("%s lets container %v write to its root file system (readonlyRootFilesystem = false)", [r.address, container_name(c, i)])
}

# runtime_platform { operating_system_family = "WINDOWS_SERVER_2022_CORE" } and the like; an
# unknown family may be Windows, so the task is not judged.
windows(r) if {
	some p in tf.blocks(r, "runtime_platform")
	family := object.get(p, "operating_system_family", "LINUX")
	not startswith(upper(unknown.value_or(family, "WINDOWS")), "LINUX")
}

windows(r) if unknown.is_unknown(object.get(r.config, "runtime_platform", []))

# A container's name for messages: its index when the name is not known (a variable, a local).
container_name(c, _) := c.name if is_string(object.get(c, "name", null))

container_name(c, i) := sprintf("at index %d", [i]) if not is_string(object.get(c, "name", null))

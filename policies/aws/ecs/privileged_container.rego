# METADATA
# title: ECS task definition runs a privileged container
# description: |
#   A container definition sets "privileged": true, giving the container root access to the
#   host: every device, every kernel capability, and an easy escape from the container to the
#   instance and to every other task on it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
# custom:
#   id: PAL-AWS-ECS-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-250"]
#   remediation: Remove the privileged flag and grant only the specific Linux capabilities the container needs.
#   fixable: true
package palisade.aws.ecs.privileged_container

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# container_definitions is JSON: decoded by the front end when part of it is unknown (an image
# variable), else still a string (jsonencode of known values, heredoc).
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

# On the container's own "privileged" key: the front end maps JSON text key by key.
# The fix sets the key to false where it is written (inside jsonencode or the JSON text: fix/document-set.ts);
# a value that comes from a variable or local is left to the author. The capabilities the container
# really needs (linuxParameters.capabilities) are the author's to add.
deny contains result.fail_fix(r, ["container_definitions", i, "privileged"], msg, [result.set(["container_definitions", i, "privileged"], false)]) if {
	some r in tf.resources("aws_ecs_task_definition")
	some i, c in containers(r)
	unknown.is_true(object.get(c, "privileged", false))
	msg := sprintf("%s runs container %v as privileged", [r.address, object.get(c, "name", "(unnamed)")])
}

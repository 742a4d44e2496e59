# METADATA
# title: ECS container mounts the host's Docker socket
# description: |
#   A container mounts a bind volume whose host path is the Docker daemon's socket
#   (/var/run/docker.sock) or the directory holding it. Whoever runs code in the container then
#   drives the instance's Docker daemon: it starts a privileged container with the host's root
#   file system mounted, reads every other task's environment and credentials, and owns the
#   instance (CIS Docker Benchmark 5.31). Mounting it read-only does not help: connecting to a
#   socket needs no write permission on the file.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
#   - ref: https://docs.docker.com/engine/security/#docker-daemon-attack-surface
# custom:
#   id: PAL-AWS-ECS-006
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_ecs_task_definition]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-250"]
#   remediation: |
#     Remove the bind mount. A task that must build or run containers should use a service made for
#     it (CodeBuild, a separate build host) rather than the shared instance's daemon.
#   fixable: false
package palisade.aws.ecs.docker_socket_mounted

# CloudGoat's ecs_takeover escapes from its website container this way.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The socket and the directories that hold it (a mount of /var/run exposes it as well).
socket_paths := {"/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run"}

deny contains result.fail(r, ["container_definitions", i, "mountPoints", j, "sourceVolume"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	volumes := socket_volumes(r)
	count(volumes) > 0
	some i, c in containers(r)
	is_object(c)
	some j, mount in unknown.items(object.get(c, "mountPoints", []))
	is_object(mount)
	name := object.get(mount, "sourceVolume", null)
	volumes[name]
	msg := sprintf("%s mounts the host's Docker socket (%s) into container %v", [r.address, volumes[name], object.get(c, "name", "(unnamed)")])
}

# socket_volumes(r): volume name -> host path, for the bind volumes on the Docker socket.
socket_volumes(r) := {name: path |
	some volume in tf.blocks(r, "volume")
	name := unknown.known_string(object.get(volume, "name", null))
	path := trim_suffix(unknown.known_string(object.get(volume, "host_path", null)), "/")
	path in socket_paths
}

# container_definitions is JSON: decoded by the front end when part of it is unknown, else still a string.
containers(r) := json.unmarshal(r.config.container_definitions) if {
	is_string(r.config.container_definitions)
	json.is_valid(r.config.container_definitions)
} else := unknown.items(r.config.container_definitions)

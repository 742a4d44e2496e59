package palisade.aws.ecs.docker_socket_mounted_test

import data.palisade.aws.ecs.docker_socket_mounted as rule

task(volumes, containers) := {
	"address": "aws_ecs_task_definition.t", "type": "aws_ecs_task_definition", "name": "t", "references": [],
	"config": {"family": "t", "volume": volumes, "container_definitions": containers},
}

socket := [{"name": "docker-socket", "host_path": "/var/run/docker.sock"}]

web(mounts) := [{"name": "web", "image": {"$unknown": "var.image"}, "mountPoints": mounts}]

test_socket_mount_fires if {
	rule.deny == {{
		"msg": "aws_ecs_task_definition.t mounts the host's Docker socket (/var/run/docker.sock) into container web",
		"resource": "aws_ecs_task_definition.t", "path": ["container_definitions", 0, "mountPoints", 0, "sourceVolume"],
	}} with input as {"resources": [task(socket, web([{"sourceVolume": "docker-socket", "containerPath": "/var/run/docker.sock", "readOnly": true}]))]}
}

test_socket_directory_and_json_text_fire if {
	defs := json.marshal([{"name": "agent", "mountPoints": [{"sourceVolume": "run", "containerPath": "/host/run"}]}])
	count(rule.deny) == 1 with input as {"resources": [task([{"name": "run", "host_path": "/var/run/"}], defs)]}
}

test_other_volumes_and_unmounted_socket_pass if {
	count(rule.deny) == 0 with input as {"resources": [task([{"name": "logs", "host_path": "/var/log/app"}], web([{"sourceVolume": "logs", "containerPath": "/logs"}]))]}
	count(rule.deny) == 0 with input as {"resources": [task(socket, web([]))]}
	count(rule.deny) == 0 with input as {"resources": [task([{"name": "docker-socket", "host_path": {"$unknown": "var.path"}}], web([{"sourceVolume": "docker-socket", "containerPath": "/x"}]))]}
	count(rule.deny) == 0 with input as {"resources": [task(socket, {"$unknown": "local.defs"})]}
}

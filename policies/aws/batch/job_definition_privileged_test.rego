package palisade.aws.batch.job_definition_privileged_test

import data.palisade.aws.batch.job_definition_privileged as rule

test_fires_on_privileged if {
	rule.deny == {{"msg": "aws_batch_job_definition.job runs its container in privileged mode", "resource": "aws_batch_job_definition.job", "path": ["container_properties", "privileged"], "fix": [{"op": "set", "path": ["container_properties", "privileged"], "value": false}]}} with input as {"resources": [{"address": "aws_batch_job_definition.job", "type": "aws_batch_job_definition", "name": "job", "config": {"container_properties": {"image": "busybox", "privileged": true}}, "references": []}]}
}

test_fires_on_json_string if {
	rule.deny == {{"msg": "aws_batch_job_definition.job runs its container in privileged mode", "resource": "aws_batch_job_definition.job", "path": ["container_properties", "privileged"], "fix": [{"op": "set", "path": ["container_properties", "privileged"], "value": false}]}} with input as {"resources": [{"address": "aws_batch_job_definition.job", "type": "aws_batch_job_definition", "name": "job", "config": {"container_properties": "{\"privileged\": true}"}, "references": []}]}
}

test_passes_unprivileged if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_batch_job_definition.job", "type": "aws_batch_job_definition", "name": "job", "config": {"container_properties": {"image": "busybox", "privileged": false}}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_batch_job_definition.job", "type": "aws_batch_job_definition", "name": "job", "config": {"container_properties": {"image": "busybox", "privileged": {"$unknown": "var.x"}}}, "references": []}]}
}

job(config) := {"resources": [{"address": "aws_batch_job_definition.job", "type": "aws_batch_job_definition", "name": "job", "config": config, "references": []}]}

test_fires_on_ecs_properties if {
	rule.deny == {{"msg": "aws_batch_job_definition.job runs container main in privileged mode", "resource": "aws_batch_job_definition.job", "path": ["ecs_properties", "taskProperties", 0, "containers", 1, "privileged"], "fix": [{"op": "set", "path": ["ecs_properties", "taskProperties", 0, "containers", 1, "privileged"], "value": false}]}} with input as job({"ecs_properties": "{\"taskProperties\":[{\"containers\":[{\"name\":\"side\"},{\"name\":\"main\",\"privileged\":true}]}]}"})
}

test_fires_on_node_properties if {
	some f in rule.deny with input as job({"node_properties": "{\"nodeRangeProperties\":[{\"targetNodes\":\"0:\",\"container\":{\"privileged\":true}}]}"})
	f.path == ["node_properties", "nodeRangeProperties", 0, "container", "privileged"]
}

test_fires_on_eks_security_context if {
	some f in rule.deny with input as job({"eks_properties": [{"pod_properties": [{"containers": [{"image": "busybox", "security_context": [{"privileged": "true"}]}]}]}]})
	f.path == ["eks_properties", 0, "pod_properties", 0, "containers", 0, "security_context", 0, "privileged"]
	count(rule.deny) == 0 with input as job({"eks_properties": [{"pod_properties": [{"containers": [{"security_context": [{"privileged": false}]}]}]}]})
}

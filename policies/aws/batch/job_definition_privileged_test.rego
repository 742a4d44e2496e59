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

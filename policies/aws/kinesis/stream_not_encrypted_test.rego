package palisade.aws.kinesis.stream_not_encrypted_test

import data.palisade.aws.kinesis.stream_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_kinesis_stream.this is not encrypted", "resource": "aws_kinesis_stream.this", "path": ["encryption_type"], "fix": [{"op": "set", "path": ["encryption_type"], "value": "KMS"}, {"op": "set", "path": ["kms_key_id"], "value": "alias/aws/kinesis"}]}} with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "NONE"}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_kinesis_stream.this is not encrypted", "resource": "aws_kinesis_stream.this", "path": ["encryption_type"], "fix": [{"op": "set", "path": ["encryption_type"], "value": "KMS"}, {"op": "set", "path": ["kms_key_id"], "value": "alias/aws/kinesis"}]}} with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": {"$unknown": "var.x"}}, "references": []}]}
}

test_kms_without_key_fires if {
	rule.deny == {{"msg": "aws_kinesis_stream.this asks for KMS encryption but names no kms_key_id", "resource": "aws_kinesis_stream.this", "path": ["kms_key_id"], "fix": [{"op": "set", "path": ["kms_key_id"], "value": "alias/aws/kinesis"}]}} with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "KMS"}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "KMS", "kms_key_id": {"$unknown": "aws_kms_key.k.arn"}}, "references": []}]}
}

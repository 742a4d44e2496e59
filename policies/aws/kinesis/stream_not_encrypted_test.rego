package palisade.aws.kinesis.stream_not_encrypted_test

import data.palisade.aws.kinesis.stream_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_kinesis_stream.this is not encrypted", "resource": "aws_kinesis_stream.this", "path": ["encryption_type"]}} with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "NONE"}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_kinesis_stream.this is not encrypted", "resource": "aws_kinesis_stream.this", "path": ["encryption_type"]}} with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": "KMS"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_kinesis_stream.this", "type": "aws_kinesis_stream", "name": "this", "config": {"encryption_type": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.kinesis.firehose_not_encrypted_test

import data.palisade.aws.kinesis.firehose_not_encrypted as rule

stream(config) := {"address": "aws_kinesis_firehose_delivery_stream.s", "type": "aws_kinesis_firehose_delivery_stream", "name": "s", "config": object.union({"name": "s", "destination": "extended_s3"}, config), "references": []}

test_missing_block_fires if {
	rule.deny == {{"msg": "aws_kinesis_firehose_delivery_stream.s does not encrypt buffered records at rest", "resource": "aws_kinesis_firehose_delivery_stream.s", "path": ["server_side_encryption"], "fix": [{"op": "add_block", "path": [], "type": "server_side_encryption", "config": {"enabled": true}}]}} with input as {"resources": [stream({})]}
}

test_disabled_block_fires if {
	rule.deny == {{"msg": "aws_kinesis_firehose_delivery_stream.s does not encrypt buffered records at rest", "resource": "aws_kinesis_firehose_delivery_stream.s", "path": ["server_side_encryption", 0, "enabled"], "fix": [{"op": "set", "path": ["server_side_encryption", 0, "enabled"], "value": true}]}} with input as {"resources": [stream({"server_side_encryption": [{"enabled": false}]})]}
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [stream({"server_side_encryption": [{"enabled": true, "key_type": "AWS_OWNED_CMK"}]})]}
}

test_kinesis_source_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [stream({"kinesis_source_configuration": [{"kinesis_stream_arn": "arn:aws:kinesis:x", "role_arn": "arn:aws:iam::1:role/r"}]})]}
}

test_unknown_enabled_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [stream({"server_side_encryption": [{"enabled": {"$unknown": "var.sse"}}]})]}
}

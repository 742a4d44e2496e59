package palisade.aws.cloudwatch.log_group_not_encrypted_test

import data.palisade.aws.cloudwatch.log_group_not_encrypted as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_cloudwatch_log_group.this is not encrypted with a KMS key", "resource": "aws_cloudwatch_log_group.this", "path": ["kms_key_id"]}} with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {"kms_key_id": "arn:aws:kms:x"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {"kms_key_id": {"$unknown": "var.x"}}, "references": []}]}
}

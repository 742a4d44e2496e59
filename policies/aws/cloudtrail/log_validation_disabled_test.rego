package palisade.aws.cloudtrail.log_validation_disabled_test

import data.palisade.aws.cloudtrail.log_validation_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this does not enable log file validation", "resource": "aws_cloudtrail.this", "path": ["enable_log_file_validation"], "fix": [{"op": "set", "path": ["enable_log_file_validation"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_log_file_validation": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this does not enable log file validation", "resource": "aws_cloudtrail.this", "path": ["enable_log_file_validation"], "fix": [{"op": "set", "path": ["enable_log_file_validation"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_log_file_validation": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_log_file_validation": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.cloudtrail.logging_disabled_test

import data.palisade.aws.cloudtrail.logging_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this has logging turned off", "resource": "aws_cloudtrail.this", "path": ["enable_logging"], "fix": [{"op": "set", "path": ["enable_logging"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_logging": false}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_logging": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"enable_logging": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.cloudfront.logging_disabled_test

import data.palisade.aws.cloudfront.logging_disabled as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {"logging_config": [{"bucket": "logs.s3.amazonaws.com"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {"logging_config": {"$unknown": "var.x"}}, "references": []}]}
}

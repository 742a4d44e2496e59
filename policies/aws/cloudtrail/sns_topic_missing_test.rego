package palisade.aws.cloudtrail.sns_topic_missing_test

import data.palisade.aws.cloudtrail.sns_topic_missing as rule

test_fires_when_missing if {
	rule.warn == {{"msg": "aws_cloudtrail.main does not notify an SNS topic when it delivers log files", "resource": "aws_cloudtrail.main", "path": ["sns_topic_name"]}} with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main"}, "references": []}]}
}

test_passes_with_topic if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"sns_topic_name": "trail-events"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"sns_topic_name": {"$unknown": "var.x"}}, "references": []}]}
}

# sns_topic_name = "" names no topic: the provider sends none.
test_empty_topic_fires if {
	count(rule.warn) == 1 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "sns_topic_name": ""}, "references": []}]}
}

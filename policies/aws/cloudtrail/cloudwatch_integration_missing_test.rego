package palisade.aws.cloudtrail.cloudwatch_integration_missing_test

import data.palisade.aws.cloudtrail.cloudwatch_integration_missing as rule

trail(config) := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": object.union({"name": "main", "s3_bucket_name": "corp-trail"}, config), "references": []}

test_missing_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.main does not send events to CloudWatch Logs", "resource": "aws_cloudtrail.main", "path": ["cloud_watch_logs_group_arn"]}} with input as {"resources": [trail({})]}
}

test_set_passes if {
	count(rule.deny) == 0 with input as {"resources": [trail({"cloud_watch_logs_group_arn": "arn:aws:x"})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [trail({"cloud_watch_logs_group_arn": {"$unknown": "aws_x.y.arn"}})]}
}

# cloud_watch_logs_group_arn = "" names no log group: the provider sends none.
test_empty_group_fires if {
	count(rule.deny) == 1 with input as {"resources": [trail({"cloud_watch_logs_group_arn": ""})]}
}

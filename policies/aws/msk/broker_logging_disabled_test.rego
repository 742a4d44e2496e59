package palisade.aws.msk.broker_logging_disabled_test

import data.palisade.aws.msk.broker_logging_disabled as rule

bad := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false, "log_group": "g"}]}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false}], "s3": [{"enabled": true, "bucket": "b"}]}]}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": {"$unknown": "var.x"}}]}]}]}, "references": []}]}

unknown_2 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false}], "firehose": {"$unknown": "var.x"}}]}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_msk_cluster.this does not deliver broker logs to any destination", "resource": "aws_msk_cluster.this", "path": ["logging_info", 0, "broker_logs", 0, "cloudwatch_logs", 0, "enabled"]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
	count(rule.deny) == 0 with input as unknown_2
}

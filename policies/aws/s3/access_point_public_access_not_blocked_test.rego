package palisade.aws.s3.access_point_public_access_not_blocked_test

import data.palisade.aws.s3.access_point_public_access_not_blocked as rule

point(blocks) := {"resources": [{"address": "aws_s3_access_point.reports", "type": "aws_s3_access_point", "name": "reports", "config": {"bucket": "reports", "name": "reports", "public_access_block_configuration": blocks}, "references": []}]}

test_setting_off_fires if {
	rule.deny == {{"msg": "aws_s3_access_point.reports does not block public access (block_public_policy = false)", "resource": "aws_s3_access_point.reports", "path": ["public_access_block_configuration", 0, "block_public_policy"]}} with input as point([{"block_public_acls": true, "block_public_policy": false}])
	count(rule.deny) == 4 with input as point([{"block_public_acls": false, "ignore_public_acls": "false", "block_public_policy": false, "restrict_public_buckets": false}])
}

test_defaults_true_or_unknown_pass if {
	count(rule.deny) == 0 with input as point([])
	count(rule.deny) == 0 with input as point([{"block_public_acls": true}])
	count(rule.deny) == 0 with input as point([{"block_public_policy": {"$unknown": "var.block"}}])
	count(rule.deny) == 0 with input as point({"$unknown": "var.blocks"})
}

mrap(blocks) := {"resources": [{"address": "aws_s3control_multi_region_access_point.global", "type": "aws_s3control_multi_region_access_point", "name": "global", "config": {"details": [{"name": "global", "public_access_block": blocks, "region": [{"bucket": "reports"}]}]}, "references": []}]}

# Round 33: a multi-Region access point's details.public_access_block, true unless set.
test_multi_region_setting_off_fires if {
	rule.deny == {{"msg": "aws_s3control_multi_region_access_point.global does not block public access (block_public_policy = false)", "resource": "aws_s3control_multi_region_access_point.global", "path": ["details", 0, "public_access_block", 0, "block_public_policy"]}} with input as mrap([{"block_public_policy": false}])
	count(rule.deny) == 0 with input as mrap([])
	count(rule.deny) == 0 with input as mrap([{"block_public_policy": true, "block_public_acls": {"$unknown": "var.x"}}])
}

package palisade.aws.cloudtrail.not_multi_region_test

import data.palisade.aws.cloudtrail.not_multi_region as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this is not a multi-region trail", "resource": "aws_cloudtrail.this", "path": ["is_multi_region_trail"], "fix": [{"op": "set", "path": ["is_multi_region_trail"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this is not a multi-region trail", "resource": "aws_cloudtrail.this", "path": ["is_multi_region_trail"], "fix": [{"op": "set", "path": ["is_multi_region_trail"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": {"$unknown": "var.x"}}, "references": []}]}
}

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

test_multi_region_without_global_events_fires if {
	rule.deny == {{"msg": "aws_cloudtrail.this does not record global service events (IAM, STS, CloudFront)", "resource": "aws_cloudtrail.this", "path": ["include_global_service_events"], "fix": [{"op": "set", "path": ["include_global_service_events"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": true, "include_global_service_events": false}, "references": []}]}
}

test_multi_region_with_default_global_events_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": true, "include_global_service_events": {"$unknown": "var.g"}}, "references": []}]}
}

test_single_region_without_global_events_fix_sets_both if {
	rule.deny == {{"msg": "aws_cloudtrail.this is not a multi-region trail", "resource": "aws_cloudtrail.this", "path": ["is_multi_region_trail"], "fix": [{"op": "set", "path": ["is_multi_region_trail"], "value": true}, {"op": "set", "path": ["include_global_service_events"], "value": true}]}} with input as {"resources": [{"address": "aws_cloudtrail.this", "type": "aws_cloudtrail", "name": "this", "config": {"is_multi_region_trail": false, "include_global_service_events": false}, "references": []}]}
}

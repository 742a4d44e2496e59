package palisade.aws.guardduty.detector_disabled_test

import data.palisade.aws.guardduty.detector_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_guardduty_detector.this is disabled", "resource": "aws_guardduty_detector.this", "path": ["enable"], "fix": [{"op": "set", "path": ["enable"], "value": true}]}} with input as {"resources": [{"address": "aws_guardduty_detector.this", "type": "aws_guardduty_detector", "name": "this", "config": {"enable": false}, "references": []}]}
}

test_unset_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_guardduty_detector.this", "type": "aws_guardduty_detector", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_guardduty_detector.this", "type": "aws_guardduty_detector", "name": "this", "config": {"enable": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_guardduty_detector.this", "type": "aws_guardduty_detector", "name": "this", "config": {"enable": {"$unknown": "var.x"}}, "references": []}]}
}

package palisade.aws.lb.alb_waf_missing_test

import data.palisade.aws.lb.alb_waf_missing as rule

test_fires_without_association if {
	rule.deny == {{"msg": "aws_lb.web is internet-facing and not protected by AWS WAF", "resource": "aws_lb.web", "path": []}} with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"internal": false}, "references": []}]}
}

test_fires_when_association_targets_another_lb if {
	rule.deny == {{"msg": "aws_lb.web is internet-facing and not protected by AWS WAF", "resource": "aws_lb.web", "path": []}} with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {}, "references": []}, {"address": "aws_wafv2_web_acl_association.web", "type": "aws_wafv2_web_acl_association", "name": "web", "config": {"resource_arn": {"$unknown": "aws_lb.other.arn"}, "web_acl_arn": "arn:aws:wafv2:x"}, "references": [{"path": ["resource_arn"], "target": "aws_lb.other", "attribute": "arn"}]}]}
}

test_passes_with_association if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {}, "references": []}, {"address": "aws_wafv2_web_acl_association.web", "type": "aws_wafv2_web_acl_association", "name": "web", "config": {"resource_arn": {"$unknown": "aws_lb.web.arn"}, "web_acl_arn": "arn:aws:wafv2:x"}, "references": [{"path": ["resource_arn"], "target": "aws_lb.web", "attribute": "arn"}]}]}
}

test_skips_internal if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"internal": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"internal": {"$unknown": "var.x"}}, "references": []}]}
}

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

alb(config) := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "config": config}

test_opaque_internet_facing_alb_without_waf_fires if {
	rule.deny == {{"msg": "module.alb is internet-facing and not protected by AWS WAF", "resource": "module.alb", "path": ["associate_web_acl"]}} with input as {"resources": [], "modules": [alb({"name": "web"})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [alb({"associate_web_acl": false})]}
}

test_opaque_alb_internal_associated_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"associate_web_acl": true, "web_acl_arn": "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/x/1"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"internal": true}), alb({"internal": {"$unknown": "var.internal"}}), alb({"create": false})]}
	assoc := {"address": "aws_wafv2_web_acl_association.web", "type": "aws_wafv2_web_acl_association", "name": "web", "config": {"resource_arn": {"$unknown": "module.alb.arn"}}, "references": [{"path": ["resource_arn"], "target": "module.alb", "attribute": "arn"}]}
	count(rule.deny) == 0 with input as {"resources": [assoc], "modules": [alb({})]}
}

package palisade.aws.cloudfront.waf_missing_test

import data.palisade.aws.cloudfront.waf_missing as rule

test_fires_when_missing if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.cdn is not protected by AWS WAF", "resource": "aws_cloudfront_distribution.cdn", "path": ["web_acl_id"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"enabled": true}, "references": []}]}
}

test_passes_with_acl if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"web_acl_id": "arn:aws:wafv2:us-east-1:1:global/webacl/x/y"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"web_acl_id": {"$unknown": "var.x"}}, "references": []}]}
}

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_without_waf_fires if {
	rule.deny == {{"msg": "module.cdn is not protected by AWS WAF", "resource": "module.cdn", "path": ["web_acl_id"]}} with input as {"resources": [], "modules": [cdn({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({"web_acl_id": "arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/1"})]}
}

# web_acl_id = "" (a variable's "" default, often) names no web ACL: the provider sends none.
test_empty_acl_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"enabled": true, "web_acl_id": ""}, "references": []}]}
}

test_opaque_module_with_empty_acl_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [cdn({"web_acl_id": ""})]}
}

package palisade.aws.cloudfront.viewer_protocol_allows_http_test

import data.palisade.aws.cloudfront.viewer_protocol_allows_http as rule

dist(policy) := {"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "config": {"default_cache_behavior": [{"viewer_protocol_policy": policy}]}, "references": []}

test_allow_all_fires if {
	rule.deny == {{
		"msg": "aws_cloudfront_distribution.site serves a cache behavior over plain HTTP", "resource": "aws_cloudfront_distribution.site",
		"path": ["default_cache_behavior", 0, "viewer_protocol_policy"],
		"fix": [{"op": "set", "path": ["default_cache_behavior", 0, "viewer_protocol_policy"], "value": "redirect-to-https"}],
	}} with input as {"resources": [dist("allow-all")]}
}

test_https_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist("redirect-to-https")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [dist({"$unknown": "var.policy"})]}
}

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_behaviors_allowing_http_fire if {
	config := {"default_cache_behavior": {"viewer_protocol_policy": "allow-all"}, "ordered_cache_behavior": [{"path_pattern": "/img/*", "viewer_protocol_policy": "redirect-to-https"}, {"path_pattern": "/api/*", "viewer_protocol_policy": "allow-all"}]}
	{f.path | some f in rule.deny} == {["default_cache_behavior", "viewer_protocol_policy"], ["ordered_cache_behavior", 1, "viewer_protocol_policy"]} with input as {"resources": [], "modules": [cdn(config)]}
}

test_opaque_module_https_behaviors_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({"default_cache_behavior": {"viewer_protocol_policy": "https-only"}})]}
}

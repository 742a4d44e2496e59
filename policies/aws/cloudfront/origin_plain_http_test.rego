package palisade.aws.cloudfront.origin_plain_http_test

import data.palisade.aws.cloudfront.origin_plain_http as rule

dist(origins, behaviors) := {
	"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "references": [],
	"config": object.union({"origin": origins}, behaviors),
}

custom_origin(id, domain, policy) := {"origin_id": id, "domain_name": domain, "custom_origin_config": [{"http_port": 80, "https_port": 443, "origin_protocol_policy": policy, "origin_ssl_protocols": ["TLSv1.2"]}]}

behavior(target, viewer) := {"target_origin_id": target, "viewer_protocol_policy": viewer}

test_http_only_fires if {
	rule.deny == {{
		"msg": "aws_cloudfront_distribution.site sends requests to origin web over plain HTTP (origin_protocol_policy = \"http-only\")",
		"resource": "aws_cloudfront_distribution.site", "path": ["origin", 0, "custom_origin_config", 0, "origin_protocol_policy"],
	}} with input as {"resources": [dist([custom_origin("web", "origin.example.com", "http-only")], {"default_cache_behavior": [behavior("web", "redirect-to-https")]})]}
}

test_https_only_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist([custom_origin("web", "origin.example.com", "https-only")], {"default_cache_behavior": [behavior("web", "allow-all")]})]}
}

# match-viewer forwards HTTP only when a behavior routed to the origin accepts HTTP.
test_match_viewer_with_allow_all_fires if {
	some f in rule.deny with input as {"resources": [dist([custom_origin("web", "origin.example.com", "match-viewer")], {"default_cache_behavior": [behavior("web", "allow-all")]})]}
	f.path == ["origin", 0, "custom_origin_config", 0, "origin_protocol_policy"]
}

test_match_viewer_with_https_viewers_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist([custom_origin("web", "origin.example.com", "match-viewer")], {"default_cache_behavior": [behavior("web", "redirect-to-https")]})]}
}

test_match_viewer_other_origins_behavior_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist(
		[custom_origin("web", "origin.example.com", "match-viewer"), custom_origin("legacy", "old.example.com", "https-only")],
		{"default_cache_behavior": [behavior("web", "https-only")], "ordered_cache_behavior": [behavior("legacy", "allow-all")]},
	)]}
}

test_match_viewer_through_origin_group_fires if {
	count(rule.deny) == 1 with input as {"resources": [dist(
		[custom_origin("primary", "a.example.com", "match-viewer"), custom_origin("backup", "b.example.com", "https-only")],
		{
			"origin_group": [{"origin_id": "group", "failover_criteria": [{"status_codes": [500]}], "member": [{"origin_id": "primary"}, {"origin_id": "backup"}]}],
			"default_cache_behavior": [behavior("group", "allow-all")],
		},
	)]}
}

# S3 website endpoints speak HTTP only; the remedy is a REST origin, not this setting.
test_s3_website_endpoint_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist([custom_origin("site", "my-bucket.s3-website-us-east-1.amazonaws.com", "http-only")], {"default_cache_behavior": [behavior("site", "redirect-to-https")]})]}
	count(rule.deny) == 0 with input as {"resources": [dist([custom_origin("site", {"$unknown": "aws_s3_bucket_website_configuration.site.website_endpoint"}, "http-only")], {"default_cache_behavior": [behavior("site", "redirect-to-https")]})]}
}

test_unknown_policy_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [dist([custom_origin("web", "origin.example.com", {"$unknown": "var.policy"})], {"default_cache_behavior": [behavior("web", "allow-all")]})]}
}

test_unknown_origin_id_is_named_by_position if {
	some f in rule.deny with input as {"resources": [dist([custom_origin({"$unknown": "module.this.id"}, "origin.example.com", "http-only")], {})]}
	f.msg == "aws_cloudfront_distribution.site sends requests to origin 0 over plain HTTP (origin_protocol_policy = \"http-only\")"
}

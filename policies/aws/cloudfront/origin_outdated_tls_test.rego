package palisade.aws.cloudfront.origin_outdated_tls_test

import data.palisade.aws.cloudfront.origin_outdated_tls as rule

dist(custom) := {
	"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "references": [],
	"config": {"origin": [{"origin_id": "web", "domain_name": "origin.example.com", "custom_origin_config": [custom]}]},
}

custom(protocols) := {"http_port": 80, "https_port": 443, "origin_protocol_policy": "https-only", "origin_ssl_protocols": protocols}

test_old_protocols_fire_with_a_fix if {
	rule.deny == {{
		"msg": "aws_cloudfront_distribution.site connects to origin web with TLSv1, TLSv1.1 allowed", "resource": "aws_cloudfront_distribution.site",
		"path": ["origin", 0, "custom_origin_config", 0, "origin_ssl_protocols"],
		"fix": [{"op": "set", "path": ["origin", 0, "custom_origin_config", 0, "origin_ssl_protocols"], "value": ["TLSv1.2"]}],
	}} with input as {"resources": [dist(custom(["TLSv1", "TLSv1.1", "TLSv1.2"]))]}
	count(rule.deny) == 1 with input as {"resources": [dist(custom(["SSLv3"]))]}
}

test_unknown_origin_id_is_named_by_position if {
	unlabelled := {
		"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "references": [],
		"config": {"origin": [{"origin_id": {"$unknown": "module.this.id"}, "domain_name": "o.example.com", "custom_origin_config": [custom(["TLSv1", "TLSv1.2"])]}]},
	}
	some f in rule.deny with input as {"resources": [unlabelled]}
	f.msg == "aws_cloudfront_distribution.site connects to origin 0 with TLSv1 allowed"
}

test_tls12_only_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist(custom(["TLSv1.2"]))]}
}

test_match_viewer_uses_tls_too if {
	count(rule.deny) == 1 with input as {"resources": [dist(object.union(custom(["TLSv1"]), {"origin_protocol_policy": "match-viewer"}))]}
}

test_http_only_origin_is_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [dist(object.union(custom(["TLSv1"]), {"origin_protocol_policy": "http-only"}))]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [dist(custom({"$unknown": "var.protocols"}))]}
	count(rule.deny) == 0 with input as {"resources": [dist(custom(["TLSv1.2", {"$unknown": "var.extra"}]))]}
	count(rule.deny) == 0 with input as {"resources": [dist(object.union(custom(["TLSv1"]), {"origin_protocol_policy": {"$unknown": "var.policy"}}))]}
}

test_s3_origin_passes if {
	s3 := {
		"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "references": [],
		"config": {"origin": [{"origin_id": "bucket", "domain_name": "b.s3.amazonaws.com", "s3_origin_config": [{"origin_access_identity": "x"}]}]},
	}
	count(rule.deny) == 0 with input as {"resources": [s3]}
}

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_origin_fires if {
	origin := {"web": {"domain_name": "origin.example.com", "custom_origin_config": custom(["TLSv1.1", "TLSv1.2"])}}
	rule.deny == {{
		"msg": "module.cdn connects to origin web with TLSv1.1 allowed", "resource": "module.cdn",
		"path": ["origin", "web", "custom_origin_config", "origin_ssl_protocols"],
		"fix": [{"op": "set", "path": ["origin", "web", "custom_origin_config", "origin_ssl_protocols"], "value": ["TLSv1.2"]}],
	}} with input as {"resources": [], "modules": [cdn({"origin": origin})]}
}

test_opaque_module_modern_or_switched_off_passes if {
	ok := {"web": {"domain_name": "origin.example.com", "custom_origin_config": custom(["TLSv1.2"])}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({"origin": ok})]}
	old := {"web": {"domain_name": "origin.example.com", "custom_origin_config": custom(["TLSv1"])}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({"origin": old, "create_distribution": false})]}
}

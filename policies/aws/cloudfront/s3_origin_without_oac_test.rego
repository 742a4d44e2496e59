package palisade.aws.cloudfront.s3_origin_without_oac_test

import data.palisade.aws.cloudfront.s3_origin_without_oac as rule

dist(origin) := {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"origin": [origin]}, "references": []}]}

test_s3_rest_origin_without_access_control_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.cdn reads S3 origin assets without origin access control (the bucket must allow anonymous reads)", "resource": "aws_cloudfront_distribution.cdn", "path": ["origin", 0]}} with input as dist({"origin_id": "assets", "domain_name": "assets.s3.eu-west-1.amazonaws.com"})
	count(rule.deny) == 1 with input as dist({"origin_id": "assets", "domain_name": "assets.s3.amazonaws.com"})
	count(rule.deny) == 1 with input as dist({"origin_id": "assets", "domain_name": "assets.s3-eu-west-1.amazonaws.com"})
	count(rule.deny) == 1 with input as dist({"origin_id": "assets", "domain_name": {"$unknown": "aws_s3_bucket.assets.bucket_regional_domain_name"}})
}

test_legacy_origin_access_identity_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.cdn reads S3 origin assets through a legacy origin access identity instead of origin access control", "resource": "aws_cloudfront_distribution.cdn", "path": ["origin", 0]}} with input as dist({"origin_id": "assets", "domain_name": {"$unknown": "aws_s3_bucket.assets.bucket_regional_domain_name"}, "s3_origin_config": [{"origin_access_identity": {"$unknown": "aws_cloudfront_origin_access_identity.oai.cloudfront_access_identity_path"}}]})
}

test_origin_access_control_passes if {
	count(rule.deny) == 0 with input as dist({"origin_id": "assets", "domain_name": "assets.s3.eu-west-1.amazonaws.com", "origin_access_control_id": {"$unknown": "aws_cloudfront_origin_access_control.oac.id"}})
}

test_custom_and_website_origins_pass if {
	count(rule.deny) == 0 with input as dist({"origin_id": "api", "domain_name": "api.example.com", "custom_origin_config": [{"origin_protocol_policy": "https-only"}]})
	count(rule.deny) == 0 with input as dist({"origin_id": "site", "domain_name": "site.s3-website-eu-west-1.amazonaws.com"})
	count(rule.deny) == 0 with input as dist({"origin_id": "site", "domain_name": {"$unknown": "aws_s3_bucket_website_configuration.site.website_endpoint"}})
	count(rule.deny) == 0 with input as dist({"origin_id": "x", "domain_name": {"$unknown": "var.origin_domain"}})
}

test_oac_that_never_signs if {
	rule.deny == {{"msg": "aws_cloudfront_origin_access_control.o never signs requests, so S3 origins using it are read without origin access control", "resource": "aws_cloudfront_origin_access_control.o", "path": ["signing_behavior"]}} with input as {"resources": [{"address": "aws_cloudfront_origin_access_control.o", "type": "aws_cloudfront_origin_access_control", "name": "o", "config": {"name": "o", "origin_access_control_origin_type": "s3", "signing_behavior": "never", "signing_protocol": "sigv4"}, "references": []}]}
}

test_oac_signing_always_or_other_type_passes if {
	count(rule.deny) == 0 with input as {"resources": [
		{"address": "aws_cloudfront_origin_access_control.a", "type": "aws_cloudfront_origin_access_control", "name": "a", "config": {"name": "a", "origin_access_control_origin_type": "s3", "signing_behavior": "always", "signing_protocol": "sigv4"}, "references": []},
		{"address": "aws_cloudfront_origin_access_control.l", "type": "aws_cloudfront_origin_access_control", "name": "l", "config": {"name": "l", "origin_access_control_origin_type": "lambda", "signing_behavior": "never", "signing_protocol": "sigv4"}, "references": []},
		{"address": "aws_cloudfront_origin_access_control.u", "type": "aws_cloudfront_origin_access_control", "name": "u", "config": {"name": "u", "origin_access_control_origin_type": "s3", "signing_behavior": {"$unknown": "var.s"}, "signing_protocol": "sigv4"}, "references": []},
	]}
}

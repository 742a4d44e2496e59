package palisade.aws.cloudfront.default_root_object_missing_test

import data.palisade.aws.cloudfront.default_root_object_missing as rule

dist(config) := {"resources": [{"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": config, "references": []}]}

s3 := {"origin_id": "assets", "domain_name": {"$unknown": "aws_s3_bucket.assets.bucket_regional_domain_name"}}

api := {"origin_id": "api", "domain_name": "api.example.com", "custom_origin_config": [{"origin_protocol_policy": "https-only"}]}

test_s3_default_origin_without_root_object_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.cdn has no default_root_object: a request for / reaches S3 origin assets as a request for the bucket, which lists its objects or answers with an error", "resource": "aws_cloudfront_distribution.cdn", "path": []}} with input as dist({"origin": [s3], "default_cache_behavior": [{"target_origin_id": "assets"}]})
	count(rule.deny) == 1 with input as dist({"origin": [s3], "default_cache_behavior": [{"target_origin_id": "assets"}], "default_root_object": ""})
}

test_origin_group_with_s3_primary_fires if {
	group := {"origin_id": "group", "member": [{"origin_id": "assets"}, {"origin_id": "api"}]}
	count(rule.deny) == 1 with input as dist({"origin": [s3, api], "origin_group": [group], "default_cache_behavior": [{"target_origin_id": "group"}]})
}

test_root_object_or_custom_default_origin_passes if {
	count(rule.deny) == 0 with input as dist({"origin": [s3], "default_cache_behavior": [{"target_origin_id": "assets"}], "default_root_object": "index.html"})
	count(rule.deny) == 0 with input as dist({"origin": [s3, api], "default_cache_behavior": [{"target_origin_id": "api"}]})
	count(rule.deny) == 0 with input as dist({"origin": [s3], "default_cache_behavior": [{"target_origin_id": "assets"}], "default_root_object": {"$unknown": "var.root"}})
}

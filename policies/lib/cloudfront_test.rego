package palisade.lib.cloudfront_test

import data.palisade.lib.cloudfront

test_s3_rest_endpoints if {
	cloudfront.s3_origin({"domain_name": "b.s3.amazonaws.com"})
	cloudfront.s3_origin({"domain_name": "b.s3.eu-west-1.amazonaws.com"})
	cloudfront.s3_origin({"domain_name": "b.s3-eu-west-1.amazonaws.com"})
	cloudfront.s3_origin({"domain_name": {"$unknown": "aws_s3_bucket.b.bucket_regional_domain_name"}})
	cloudfront.s3_origin({"domain_name": {"$unknown": "module.b.s3_bucket_bucket_regional_domain_name"}})
	cloudfront.s3_origin({"domain_name": {"$unknown": "var.d"}, "s3_origin_config": [{"origin_access_identity": ""}]})
}

test_custom_and_website_origins if {
	not cloudfront.s3_origin({"domain_name": "api.example.com"})
	not cloudfront.s3_origin({"domain_name": "b.s3-website-eu-west-1.amazonaws.com"})
	not cloudfront.s3_origin({"domain_name": "b.s3-website.eu-west-1.amazonaws.com"})
	not cloudfront.s3_origin({"domain_name": {"$unknown": "aws_s3_bucket_website_configuration.b.website_endpoint"}})
	not cloudfront.s3_origin({"domain_name": {"$unknown": "var.d"}})
}

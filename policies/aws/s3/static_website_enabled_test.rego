package palisade.aws.s3.static_website_enabled_test

import data.palisade.aws.s3.static_website_enabled as rule

bucket(config) := {"address": "aws_s3_bucket.site", "type": "aws_s3_bucket", "name": "site", "config": object.union({"bucket": "corp-site"}, config), "references": []}

site := {"address": "aws_s3_bucket_website_configuration.site", "type": "aws_s3_bucket_website_configuration", "name": "site", "config": {"bucket": {"$unknown": "aws_s3_bucket.site.id"}}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.site", "attribute": "id"}]}

test_inline_website_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.site is served as a static website (HTTP only, public objects)", "resource": "aws_s3_bucket.site", "path": ["website", 0]}} with input as {"resources": [bucket({"website": [{"index_document": "index.html"}]})]}
}

test_split_website_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.site is served as a static website (HTTP only, public objects)", "resource": "aws_s3_bucket.site", "path": [], "related": [{"resource": "aws_s3_bucket_website_configuration.site", "path": [], "msg": "website configuration"}]}} with input as {"resources": [bucket({}), site]}
}

test_plain_bucket_passes if {
	count(rule.warn) == 0 with input as {"resources": [bucket({})]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [bucket({"website": {"$unknown": "var.site"}})]}
}

test_registry_module_website_map_warns if {
	rule.warn == {{"msg": "module.site is served as a static website (HTTP only, public objects)", "resource": "module.site", "path": ["website"]}} with input as {"resources": [], "modules": [{"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"website": {"index_document": "index.html"}}}]}
}

test_registry_module_without_website_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [{"address": "module.site", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"website": {}}}]}
}

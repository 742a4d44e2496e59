package palisade.aws.cloudfront.logging_disabled_test

import data.palisade.aws.cloudfront.logging_disabled as rule

test_missing_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}]}
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {"logging_config": [{"bucket": "logs.s3.amazonaws.com"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {"logging_config": {"$unknown": "var.x"}}, "references": []}]}
}

# Standard logging v2 (CloudWatch vended logs): source + delivery.
test_v2_delivery_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": "cf-access", "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": [{"path": ["delivery_source_name"], "target": "aws_cloudwatch_log_delivery_source.cf", "attribute": "name"}]}]}
}

test_v2_delivery_by_literal_source_name_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": "cf-access", "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": []}]}
}

test_v2_source_without_delivery_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}]}
}

test_v2_delivery_of_another_source_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": "other-source", "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": []}]}
}

test_v2_source_of_another_log_type_fires if {
	rule.deny == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}} with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "CONNECTION_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": "cf-access", "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": [{"path": ["delivery_source_name"], "target": "aws_cloudwatch_log_delivery_source.cf", "attribute": "name"}]}]}
}

test_v2_source_of_unknown_log_type_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": {"$unknown": "var.log_type"}, "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": "cf-access", "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": [{"path": ["delivery_source_name"], "target": "aws_cloudwatch_log_delivery_source.cf", "attribute": "name"}]}]}
}

test_v2_source_for_unknown_resource_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "var.distribution_arn"}}, "references": []}]}
}

test_v2_delivery_of_unknown_source_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}, {"address": "aws_cloudwatch_log_delivery_source.cf", "type": "aws_cloudwatch_log_delivery_source", "name": "cf", "config": {"name": "cf-access", "log_type": "ACCESS_LOGS", "resource_arn": {"$unknown": "aws_cloudfront_distribution.this.arn"}}, "references": [{"path": ["resource_arn"], "target": "aws_cloudfront_distribution.this", "attribute": "arn"}]}, {"address": "aws_cloudwatch_log_delivery.cf", "type": "aws_cloudwatch_log_delivery", "name": "cf", "config": {"delivery_source_name": {"$unknown": "var.source_name"}, "delivery_destination_arn": {"$unknown": "aws_cloudwatch_log_delivery_destination.logs.arn"}}, "references": []}]}
}

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_without_logging_fires if {
	rule.deny == {{"msg": "module.cdn has no access logging", "resource": "module.cdn", "path": ["logging_config"]}} with input as {"resources": [], "modules": [cdn({})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({"logging_config": {"bucket": "logs.s3.amazonaws.com"}}), cdn({"create_distribution": false})]}
}

# The fix copies the one bucket and prefix the module's other distributions log to.
logging_distribution(name, bucket) := {"address": sprintf("aws_cloudfront_distribution.%s", [name]), "type": "aws_cloudfront_distribution", "name": name, "config": {"logging_config": [{"bucket": bucket, "prefix": "cdn/", "include_cookies": true}]}, "references": []}

bare := {"address": "aws_cloudfront_distribution.this", "type": "aws_cloudfront_distribution", "name": "this", "config": {}, "references": []}

test_fix_copies_the_siblings_bucket_and_prefix_without_cookies if {
	findings := rule.deny with input as {"resources": [bare, logging_distribution("assets", {"$unknown": "aws_s3_bucket.logs.bucket_domain_name"})]}
	findings == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"], "fix": [{
		"op": "add_block", "path": [], "type": "logging_config",
		"config": {"bucket": {"$expr": "aws_s3_bucket.logs.bucket_domain_name"}, "prefix": "cdn/"},
		"derived_from": [
			{"resource": "aws_cloudfront_distribution.assets", "path": ["logging_config", 0, "bucket"], "text": "aws_s3_bucket.logs.bucket_domain_name"},
			{"resource": "aws_cloudfront_distribution.assets", "path": ["logging_config", 0, "prefix"]},
		],
	}]}}
}

test_no_fix_when_siblings_log_to_two_buckets if {
	findings := rule.deny with input as {"resources": [bare, logging_distribution("a", "one.s3.amazonaws.com"), logging_distribution("b", "two.s3.amazonaws.com")]}
	findings == {{"msg": "aws_cloudfront_distribution.this has no access logging", "resource": "aws_cloudfront_distribution.this", "path": ["logging_config"]}}
}

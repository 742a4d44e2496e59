package palisade.aws.s3.bucket_logging_disabled_test

import data.palisade.aws.s3.bucket_logging_disabled as rule

bucket(name, config) := {"address": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket", "name": name, "config": object.union({"bucket": name}, config), "references": []}

logging := {
	"address": "aws_s3_bucket_logging.data", "type": "aws_s3_bucket_logging", "name": "data",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.data.id"}, "target_bucket": {"$unknown": "aws_s3_bucket.logs.id"}},
	"references": [
		{"path": ["bucket"], "target": "aws_s3_bucket.data", "attribute": "id"},
		{"path": ["target_bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"},
	],
}

test_unlogged_bucket_fires if {
	rule.deny == {{"msg": "aws_s3_bucket.data does not have access logging enabled", "resource": "aws_s3_bucket.data", "path": ["logging"]}} with input as {"resources": [bucket("data", {})]}
}

test_logged_bucket_and_its_target_pass if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {}), bucket("logs", {}), logging]}
}

test_inline_logging_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {"logging": [{"target_bucket": "logs"}]})]}
}

test_log_delivery_acl_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket("logs", {"acl": "log-delivery-write"})]}
}

test_cloudtrail_target_passes if {
	trail := {"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "name": "t", "config": {"s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}
	count(rule.deny) == 0 with input as {"resources": [bucket("trail", {}), trail]}
}

test_unknown_logging_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {"logging": {"$unknown": "var.logging"}})]}
}

test_unresolved_log_target_does_not_fire if {
	opaque := {"address": "aws_s3_bucket_logging.x", "type": "aws_s3_bucket_logging", "name": "x", "config": {"bucket": "other", "target_bucket": {"$unknown": "var.log_bucket"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [bucket("data", {}), opaque]}
}

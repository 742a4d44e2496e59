package palisade.aws.cloudtrail.log_bucket_access_logging_disabled_test

import data.palisade.aws.cloudtrail.log_bucket_access_logging_disabled as rule

test_fires_without_logging if {
	rule.deny == {{"msg": "aws_s3_bucket.trail receives the CloudTrail logs of aws_cloudtrail.main but has no access logging", "resource": "aws_s3_bucket.trail", "path": ["logging"], "related": [{"resource": "aws_cloudtrail.main", "path": ["s3_bucket_name"], "msg": "the trail that delivers here"}]}} with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}]}
}

test_passes_with_inline_logging if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "logging": [{"target_bucket": "logs"}]}, "references": []}]}
}

test_passes_with_logging_resource if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}, {"address": "aws_s3_bucket_logging.trail", "type": "aws_s3_bucket_logging", "name": "trail", "config": {"bucket": "corp-trail", "target_bucket": "logs"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}, {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail", "logging": {"$unknown": "var.x"}}, "references": []}]}
}

# The trail bucket's name handed to a module Palisade cannot read, which may log it (18F's
# identity-terraform cloudtrail module and its s3_config, held-out s19/h3).
test_bucket_handed_to_opaque_module_does_not_fire if {
	trail := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}
	bucket := {"address": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "name": "trail", "config": {"bucket": "corp-trail"}, "references": []}
	call := {"address": "module.trail_bucket_config", "source": "github.com/18F/identity-terraform//s3_config?ref=5566b93", "config": {"bucket_name_override": {"$unknown": "aws_s3_bucket.trail.id"}}}
	count(rule.deny) == 0 with input as {"resources": [trail, bucket], "modules": [call]}
}

# The fix delivers to the log bucket the module's other buckets already log to.
bucket(name) := {"address": sprintf("aws_s3_bucket.%s", [name]), "type": "aws_s3_bucket", "name": name, "config": {"bucket": name}, "references": []}

test_fix_logs_to_the_modules_log_bucket if {
	trail := {"address": "aws_cloudtrail.main", "type": "aws_cloudtrail", "name": "main", "config": {"name": "main", "s3_bucket_name": {"$unknown": "aws_s3_bucket.trail.id"}}, "references": [{"path": ["s3_bucket_name"], "target": "aws_s3_bucket.trail", "attribute": "id"}]}
	logging := {
		"address": "aws_s3_bucket_logging.data", "type": "aws_s3_bucket_logging", "name": "data",
		"config": {"bucket": {"$unknown": "aws_s3_bucket.data.id"}, "target_bucket": {"$unknown": "aws_s3_bucket.logs.id"}},
		"references": [{"path": ["bucket"], "target": "aws_s3_bucket.data"}, {"path": ["target_bucket"], "target": "aws_s3_bucket.logs"}],
	}
	findings := rule.deny with input as {"resources": [trail, bucket("trail"), bucket("data"), bucket("logs"), logging]}
	[f] := [f | some f in findings]
	f.fix == [{
		"op": "add_resource", "type": "aws_s3_bucket_logging", "name": "trail",
		"config": {
			"bucket": {"$expr": "aws_s3_bucket.trail.id"},
			"target_bucket": {"$expr": "aws_s3_bucket.logs.id"},
			"target_prefix": {"$expr": "\"${aws_s3_bucket.trail.id}/\""},
		},
		"derived_from": [{"resource": "aws_s3_bucket_logging.data", "path": ["target_bucket"], "text": "aws_s3_bucket.logs.id"}],
	}]
}

package palisade.aws.s3.bucket_encryption_missing_test

import data.palisade.aws.s3.bucket_encryption_missing as rule

bucket(config) := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": config, "references": []}

test_missing_fires if {
	rule.deny == {{
		"msg": "aws_s3_bucket.logs has no server-side encryption configuration",
		"resource": "aws_s3_bucket.logs", "path": ["server_side_encryption_configuration"],
		"fix": [{"op": "add_resource", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "logs", "config": {
			"bucket": {"$expr": "aws_s3_bucket.logs.id"},
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": true}],
		}}],
	}} with input as {"resources": [bucket({"bucket": "corp-logs"})]}
}

test_inline_passes if {
	sse := [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]
	count(rule.deny) == 0 with input as {"resources": [bucket({"server_side_encryption_configuration": sse})]}
}

test_companion_passes if {
	c := {"address": "aws_s3_bucket_server_side_encryption_configuration.logs", "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "logs", "config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}}, "references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}]}
	count(rule.deny) == 0 with input as {"resources": [bucket({}), c]}
}

test_unknown_inline_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({"server_side_encryption_configuration": {"$unknown": "var.sse"}})]}
}

package palisade.aws.s3.bucket_mfa_delete_disabled_test

import data.palisade.aws.s3.bucket_mfa_delete_disabled as rule

versioning(conf) := {"address": "aws_s3_bucket_versioning.logs", "type": "aws_s3_bucket_versioning", "name": "logs", "config": {"bucket": "corp-logs", "versioning_configuration": [conf]}, "references": []}

bucket(v) := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": {"bucket": "corp-logs", "versioning": [v]}, "references": []}

test_split_without_mfa_delete_warns if {
	rule.warn == {{"msg": "aws_s3_bucket_versioning.logs does not enable MFA delete", "resource": "aws_s3_bucket_versioning.logs", "path": ["versioning_configuration", 0, "mfa_delete"]}} with input as {"resources": [versioning({"status": "Enabled"})]}
}

test_inline_without_mfa_delete_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.logs does not enable MFA delete", "resource": "aws_s3_bucket.logs", "path": ["versioning", 0, "mfa_delete"]}} with input as {"resources": [bucket({"enabled": true, "mfa_delete": false})]}
}

test_mfa_delete_enabled_passes if {
	count(rule.warn) == 0 with input as {"resources": [versioning({"status": "Enabled", "mfa_delete": "Enabled"}), bucket({"enabled": true, "mfa_delete": true})]}
}

test_versioning_off_is_left_to_the_versioning_rule if {
	count(rule.warn) == 0 with input as {"resources": [versioning({"status": "Suspended"})]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [versioning({"status": "Enabled", "mfa_delete": {"$unknown": "var.mfa"}}), bucket({"enabled": {"$unknown": "var.v"}})]}
}

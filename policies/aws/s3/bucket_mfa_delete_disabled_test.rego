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

test_versioning_off_means_mfa_delete_is_not_in_effect if {
	rule.warn == {
		{"msg": "aws_s3_bucket_versioning.logs has versioning off, so MFA delete is not in effect", "resource": "aws_s3_bucket_versioning.logs", "path": ["versioning_configuration", 0, "status"]},
		{"msg": "aws_s3_bucket.logs has versioning off, so MFA delete is not in effect", "resource": "aws_s3_bucket.logs", "path": ["versioning", 0, "enabled"]},
	} with input as {"resources": [versioning({"status": "Suspended", "mfa_delete": "Enabled"}), bucket({"enabled": false})]}
}

# A v3 block without `enabled` (versioning never on) that writes mfa_delete = false: the switch is
# reported (a Sonar sonar-iac case, round 11); an empty block or mfa_delete = true is not.
test_explicit_mfa_delete_off_without_versioning_warns if {
	rule.warn == {{"msg": "aws_s3_bucket.logs turns MFA delete off", "resource": "aws_s3_bucket.logs", "path": ["versioning", 0, "mfa_delete"]}} with input as {"resources": [bucket({"mfa_delete": false})]}
	count(rule.warn) == 0 with input as {"resources": [bucket({})]}
	count(rule.warn) == 0 with input as {"resources": [bucket({"mfa_delete": true})]}
	count(rule.warn) == 0 with input as {"resources": [bucket({"mfa_delete": {"$unknown": "var.mfa"}})]}
}

module_call(versioning) := {"address": "module.logs", "name": "logs", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"bucket": "corp-logs", "versioning": versioning}}

test_registry_module_versioning_map_without_mfa_delete_warns if {
	rule.warn == {{"msg": "module.logs does not enable MFA delete", "resource": "module.logs", "path": ["versioning", "mfa_delete"]}} with input as {"resources": [], "modules": [module_call({"enabled": true})]}
}

test_registry_module_with_mfa_delete_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"enabled": true, "mfa_delete": true})]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [versioning({"status": "Enabled", "mfa_delete": {"$unknown": "var.mfa"}}), bucket({"enabled": {"$unknown": "var.v"}})]}
}

# The module's `status` form and its word values ("Enabled") read as the module reads them.
test_registry_module_status_forms if {
	rule.warn == {{"msg": "module.logs does not enable MFA delete", "resource": "module.logs", "path": ["versioning", "mfa_delete"]}} with input as {"resources": [], "modules": [module_call({"status": true, "mfa_delete": false})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"status": true, "mfa_delete": "Enabled"})]}
	rule.warn == {{"msg": "module.logs has versioning off, so MFA delete is not in effect", "resource": "module.logs", "path": ["versioning", "status"]}} with input as {"resources": [], "modules": [module_call({"status": "Suspended"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"status": {"$unknown": "var.s"}})]}
}

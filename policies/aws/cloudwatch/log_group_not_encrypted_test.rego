package palisade.aws.cloudwatch.log_group_not_encrypted_test

import data.palisade.aws.cloudwatch.log_group_not_encrypted as rule

test_missing_fires if {
	findings := rule.deny with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {}, "references": []}]}
	[[f.msg, f.resource, f.path] | some f in findings] == [["aws_cloudwatch_log_group.this is not encrypted with a KMS key", "aws_cloudwatch_log_group.this", ["kms_key_id"]]]

	# The fix: account and region data sources, the key policy, the key, and kms_key_id set to it.
	some f in findings
	[[op.op, object.get(op, "type", ""), object.get(op, "name", "")] | some op in f.fix] == [
		["add_data", "aws_caller_identity", "current"],
		["add_data", "aws_region", "current"],
		["add_data", "aws_iam_policy_document", "this_logs_key"],
		["add_resource", "aws_kms_key", "this_logs"],
		["set", "", ""],
	]
	f.fix[4] == {"op": "set", "path": ["kms_key_id"], "value": {"$expr": "aws_kms_key.this_logs.arn"}}
	logs := f.fix[2].config.statement[1]
	logs.principals == [{"type": "Service", "identifiers": [{"$expr": `"logs.${data.aws_region.current.name}.amazonaws.com"`}]}]
	logs.condition[0].variable == "kms:EncryptionContext:aws:logs:arn"
}

# The module's own account and region data sources are used, not duplicated.
test_fix_reuses_data_sources if {
	group := {"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {}, "references": []}
	findings := rule.deny with input as {"resources": [group], "data": [
		{"address": "data.aws_caller_identity.me", "type": "aws_caller_identity", "name": "me", "config": {}, "references": []},
		{"address": "data.aws_region.here", "type": "aws_region", "name": "here", "config": {}, "references": []},
	]}
	some f in findings
	[op.op | some op in f.fix] == ["add_data", "add_resource", "set"]
	f.fix[0].config.statement[0].principals[0].identifiers == [{"$expr": `"arn:aws:iam::${data.aws_caller_identity.me.account_id}:root"`}]
}

# A child module's `data "aws_caller_identity" "current"` cannot be named from the root module:
# the fix declares the root's own, or its reference would not resolve.
test_fix_declares_data_sources_a_child_module_has if {
	group := {"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {}, "references": []}
	findings := rule.deny with input as {"resources": [group], "data": [
		{"address": "module.vpc.data.aws_caller_identity.current[0]", "type": "aws_caller_identity", "name": "current", "module": "module.vpc", "index": 0, "config": {}, "references": []},
		{"address": "module.vpc.data.aws_region.current", "type": "aws_region", "name": "current", "module": "module.vpc", "config": {}, "references": []},
	]}
	some f in findings
	[[op.op, object.get(op, "type", "")] | some op in f.fix] == [
		["add_data", "aws_caller_identity"],
		["add_data", "aws_region"],
		["add_data", "aws_iam_policy_document"],
		["add_resource", "aws_kms_key"],
		["set", ""],
	]
}

test_present_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {"kms_key_id": "arn:aws:kms:x"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {"kms_key_id": {"$unknown": "var.x"}}, "references": []}]}
}

lg(config) := {"address": "module.logs", "source": "terraform-aws-modules/cloudwatch/aws//modules/log-group", "config": config}

fn(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": config}

test_opaque_log_group_and_lambda_calls_without_key_fire if {
	rule.deny == {
		{"msg": "module.logs is not encrypted with a KMS key", "resource": "module.logs", "path": ["kms_key_id"]},
		{"msg": "the log group of module.fn is not encrypted with a KMS key", "resource": "module.fn", "path": ["cloudwatch_logs_kms_key_id"]},
	} with input as {"resources": [], "modules": [lg({"name": "app"}), fn({"function_name": "api"})]}
}

test_opaque_calls_with_key_existing_group_or_switched_off_pass if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [lg({"kms_key_id": {"$unknown": "module.kms.key_arn"}}), fn({"cloudwatch_logs_kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/x"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [fn({"use_existing_cloudwatch_log_group": true}), lg({"create": false})]}
}

# kms_key_id = "" names no key: the provider sends none, so the group keeps CloudWatch's own keys.
test_empty_key_fires if {
	findings := rule.deny with input as {"resources": [{"address": "aws_cloudwatch_log_group.this", "type": "aws_cloudwatch_log_group", "name": "this", "config": {"kms_key_id": ""}, "references": []}]}
	[f.path | some f in findings] == [["kms_key_id"]]
}

test_opaque_log_group_with_empty_key_fires if {
	count(rule.deny) == 1 with input as {"resources": [], "modules": [lg({"name": "app", "kms_key_id": ""})]}
}

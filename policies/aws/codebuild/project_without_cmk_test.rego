package palisade.aws.codebuild.project_without_cmk_test

import data.palisade.aws.codebuild.project_without_cmk as rule

msg := "aws_codebuild_project.build encrypts its artifacts with the AWS managed key, not a customer managed KMS key"

project(config, references) := {"address": "aws_codebuild_project.build", "type": "aws_codebuild_project", "name": "build", "config": config, "references": references}

role_ref := {"path": ["service_role"], "target": "aws_iam_role.build", "attribute": "arn"}

actions := ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]

# The new key's policy: the account administers it, the service role uses it (as the CodeBuild
# guide's key policy), and the account's principals may use it through S3 (artifact readers).
expected_fix(principal) := [
	{"op": "add_data", "type": "aws_caller_identity", "name": "current", "config": {}},
	{"op": "add_data", "type": "aws_region", "name": "current", "config": {}},
	{"op": "add_data", "type": "aws_iam_policy_document", "name": "build_key", "config": {"statement": [
		{
			"sid": "AccountAdministersKey", "actions": ["kms:*"], "resources": ["*"],
			"principals": [{"type": "AWS", "identifiers": [{"$expr": `"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"`}]}],
		},
		{"sid": "CodeBuildServiceRoleUsesKey", "actions": actions, "resources": ["*"], "principals": [{"type": "AWS", "identifiers": [principal]}]},
		{
			"sid": "AccountUsesKeyThroughS3", "actions": actions, "resources": ["*"],
			"principals": [{"type": "AWS", "identifiers": ["*"]}],
			"condition": [
				{"test": "StringEquals", "variable": "kms:ViaService", "values": [{"$expr": `"s3.${data.aws_region.current.name}.amazonaws.com"`}]},
				{"test": "StringEquals", "variable": "kms:CallerAccount", "values": [{"$expr": "data.aws_caller_identity.current.account_id"}]},
			],
		},
	]}},
	{"op": "add_resource", "type": "aws_kms_key", "name": "build", "config": {
		"description": "Customer managed key for aws_codebuild_project.build", "deletion_window_in_days": 30,
		"enable_key_rotation": true, "policy": {"$expr": "data.aws_iam_policy_document.build_key.json"},
	}},
	{"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}},
]

test_fires_when_missing_and_grants_the_declared_role if {
	p := project({"name": "build", "service_role": {"$unknown": "aws_iam_role.build.arn"}}, [role_ref])
	rule.deny == {{"msg": msg, "resource": "aws_codebuild_project.build", "path": ["encryption_key"], "fix": expected_fix({"$expr": "aws_iam_role.build.arn"})}} with input as {"resources": [p]}
}

test_literal_role_arn_is_named_as_is if {
	arn := "arn:aws:iam::123456789012:role/codebuild"
	some f in rule.deny with input as {"resources": [project({"service_role": arn}, [])]}
	f.fix == expected_fix(arn)
}

# The project's own expression (a conditional over a counted role and a variable) is written again.
test_role_expression_is_copied if {
	text := "var.create ? aws_iam_role.build[0].arn : var.role_arn"
	p := project({"service_role": {"$unknown": text}}, [{"path": ["service_role"], "target": "aws_iam_role.build[0]", "attribute": "arn"}])
	some f in rule.deny with input as {"resources": [p]}
	f.fix == expected_fix({"$expr": text})
}

# No role ARN to grant (a role's name, an iteration value, a bare name): the finding stays without
# a fix and says why.
no_role_msg := "aws_codebuild_project.build encrypts its artifacts with the AWS managed key, not a customer managed KMS key (no fix: the new key's policy must grant the service role, and service_role names no role ARN here)"

test_no_fix_for_a_role_name if {
	p := project({"service_role": {"$unknown": "aws_iam_role.build.name"}}, [object.union(role_ref, {"attribute": "name"})])
	rule.deny == {{"msg": no_role_msg, "resource": "aws_codebuild_project.build", "path": ["encryption_key"]}} with input as {"resources": [p]}
}

test_no_fix_for_an_iteration_value if {
	p := project({"service_role": {"$unknown": "each.value.role"}}, [])
	rule.deny == {{"msg": no_role_msg, "resource": "aws_codebuild_project.build", "path": ["encryption_key"]}} with input as {"resources": [p]}
}

test_no_fix_for_a_literal_that_is_no_role_arn if {
	p := project({"service_role": "codebuild"}, [])
	rule.deny == {{"msg": no_role_msg, "resource": "aws_codebuild_project.build", "path": ["encryption_key"]}} with input as {"resources": [p]}
}

# Taken names: no fix (the key and the document are named after the project).
test_no_fix_when_names_are_taken if {
	p := project({"service_role": "arn:aws:iam::123456789012:role/codebuild"}, [])
	doc := {"address": "data.aws_iam_policy_document.build_key", "type": "aws_iam_policy_document", "name": "build_key", "config": {}, "references": []}
	some f in rule.deny with input as {"resources": [p], "data": [doc]}
	not f.fix
	f.msg == msg
}

test_fires_on_managed_alias if {
	findings := rule.deny with input as {"resources": [project({"encryption_key": "alias/aws/s3", "service_role": {"$unknown": "aws_iam_role.build.arn"}}, [role_ref])]}
	[[f.msg, f.resource, f.path] | some f in findings] == [[msg, "aws_codebuild_project.build", ["encryption_key"]]]
	some f in findings
	[op.op | some op in f.fix] == ["add_data", "add_data", "add_data", "add_resource", "set"]
	f.fix[4] == {"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}}
}

# Through a data source that finds the AWS managed key: the fix replaces exactly that reference.
test_fix_replaces_a_managed_key_data_source if {
	p := project(
		{"encryption_key": {"$unknown": "data.aws_kms_key.managed.arn"}, "service_role": {"$unknown": "aws_iam_role.build.arn"}},
		[{"path": ["encryption_key"], "target": "data.aws_kms_key.managed"}, role_ref],
	)
	key := {"address": "data.aws_kms_key.managed", "type": "aws_kms_key", "name": "managed", "config": {"key_id": "alias/aws/s3"}, "references": []}
	findings := rule.deny with input as {"resources": [p], "data": [key]}
	some f in findings
	f.fix[4] == {"op": "set", "path": ["encryption_key"], "value": {"$expr": "aws_kms_key.build.arn"}, "replaces": "data.aws_kms_key.managed.arn"}
}

test_passes_with_cmk if {
	count(rule.deny) == 0 with input as {"resources": [project({"encryption_key": "arn:aws:kms:us-east-1:123456789012:key/abc"}, [])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [project({"encryption_key": {"$unknown": "aws_kms_key.build.arn"}}, [{"path": ["encryption_key"], "target": "aws_kms_key.build"}])]}
}

# encryption_key = "" is never sent, so CodeBuild uses the AWS managed key, as when it is unset.
test_empty_key_fires if {
	some f in rule.deny with input as {"resources": [project({"name": "build", "encryption_key": ""}, [])]}
	f.path == ["encryption_key"]
}

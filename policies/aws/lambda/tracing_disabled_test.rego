package palisade.aws.lambda.tracing_disabled_test

import data.palisade.aws.lambda.tracing_disabled as rule

fn(config) := {"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": config, "references": [{"path": ["role"], "target": "aws_iam_role.exec", "attribute": "arn"}]}

exec_role := {"address": "aws_iam_role.exec", "type": "aws_iam_role", "name": "exec", "config": {"name": "exec"}, "references": []}

xray := {"op": "add_resource", "type": "aws_iam_role_policy_attachment", "name": "exec_xray", "config": {"role": {"$expr": "aws_iam_role.exec.name"}, "policy_arn": "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"}}

# The function's role is declared here and may not write traces: the fix also attaches
# AWSXRayDaemonWriteAccess, without which Lambda refuses Active tracing.
test_bad_value_fires if {
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config", 0, "mode"], "fix": [{"op": "set", "path": ["tracing_config", 0, "mode"], "value": "Active"}, xray]}} with input as {"resources": [fn({"tracing_config": [{"mode": "PassThrough"}]}), exec_role]}
}

test_unset_fires if {
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config"], "fix": [{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}}, xray]}} with input as {"resources": [fn({}), exec_role]}
}

test_role_that_writes_traces_needs_only_the_tracing_edit if {
	attached := {"address": "aws_iam_role_policy_attachment.x", "type": "aws_iam_role_policy_attachment", "name": "x", "config": {"role": {"$unknown": "aws_iam_role.exec.name"}, "policy_arn": "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"}, "references": [{"path": ["role"], "target": "aws_iam_role.exec", "attribute": "name"}]}
	some f in rule.warn with input as {"resources": [fn({}), exec_role, attached]}
	f.fix == [{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}}]
	inline := {"address": "aws_iam_role_policy.t", "type": "aws_iam_role_policy", "name": "t", "config": {"role": {"$unknown": "aws_iam_role.exec.id"}, "policy": {"Statement": [{"Effect": "Allow", "Action": ["xray:Put*"], "Resource": "*"}]}}, "references": [{"path": ["role"], "target": "aws_iam_role.exec", "attribute": "id"}]}
	some g in rule.warn with input as {"resources": [fn({}), exec_role, inline]}
	g.fix == [{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}}]
}

# A role given by ARN or variable: nothing tells whether it may write traces, so no fix.
test_role_not_in_the_configuration_gets_no_fix if {
	elsewhere := {"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"role": "arn:aws:iam::111122223333:role/api"}, "references": []}
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config"]}} with input as {"resources": [elsewhere]}
}

test_good_value_passes if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": [{"mode": "Active"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": [{"mode": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_lambda_function.this", "type": "aws_lambda_function", "name": "this", "config": {"tracing_config": {"$unknown": "var.x"}}, "references": []}]}
}

call(config) := {"address": "module.fn", "source": "terraform-aws-modules/lambda/aws", "config": config}

test_opaque_module_without_active_tracing_fires if {
	rule.warn == {{"msg": "module.fn does not have active tracing", "resource": "module.fn", "path": ["tracing_mode"], "fix": [{"op": "set", "path": ["tracing_mode"], "value": "Active"}, {"op": "set", "path": ["attach_tracing_policy"], "value": true}]}} with input as {"resources": [], "modules": [call({"function_name": "api"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [call({"tracing_mode": "PassThrough"})]}
}

test_opaque_module_active_unknown_or_switched_off_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"tracing_mode": "Active"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"tracing_mode": {"$unknown": "var.mode"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"create": false})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [call({"create_layer": true})]}
}

# Lambda@Edge does not support X-Ray: a function a distribution associates is not reported, by
# reference (aws_cloudfront_distribution) or by expression (a cloudfront module call's config).
edge_fn := {"address": "aws_lambda_function.edge", "type": "aws_lambda_function", "name": "edge", "config": {"publish": true}, "references": []}

test_function_associated_with_a_distribution_passes if {
	cdn := {"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"default_cache_behavior": [{"lambda_function_association": [{"event_type": "viewer-request", "lambda_arn": {"$unknown": "aws_lambda_function.edge.qualified_arn"}}]}]}, "references": [{"path": ["default_cache_behavior", 0, "lambda_function_association", 0, "lambda_arn"], "target": "aws_lambda_function.edge", "attribute": "qualified_arn"}]}
	count(rule.warn) == 0 with input as {"resources": [edge_fn, cdn]}
}

test_function_referenced_elsewhere_by_a_distribution_fires if {
	cdn := {"address": "aws_cloudfront_distribution.cdn", "type": "aws_cloudfront_distribution", "name": "cdn", "config": {"comment": {"$unknown": "aws_lambda_function.edge.function_name"}}, "references": [{"path": ["comment"], "target": "aws_lambda_function.edge", "attribute": "function_name"}]}
	count(rule.warn) == 1 with input as {"resources": [edge_fn, cdn]}
}

lambda_call(config) := {"address": "module.edge", "source": "terraform-aws-modules/lambda/aws", "config": object.union({"function_name": "edge"}, config)}

cloudfront_call(arn) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": {"ordered_cache_behavior": [{"lambda_function_association": {"viewer-request": {"lambda_arn": arn}}}]}}

test_module_function_associated_by_a_cloudfront_call_passes if {
	arn := {"$unknown": "module.edge.lambda_function_qualified_arn"}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [lambda_call({"publish": true}), cloudfront_call(arn)]}
	other := {"$unknown": "module.other.lambda_function_qualified_arn"}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [lambda_call({"publish": true}), cloudfront_call(other)]}
}

test_module_function_marked_lambda_at_edge_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [lambda_call({"lambda_at_edge": true})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [lambda_call({"lambda_at_edge": false})]}
}

# Both calls inside one local module: the association's text is relative to it.
test_nested_function_associated_by_a_cloudfront_call_in_its_module_passes if {
	arn := {"$unknown": "module.edge.lambda_function_qualified_arn"}
	edge := object.union(lambda_call({"publish": true}), {"address": "module.site.module.edge"})
	cdn := object.union(cloudfront_call(arn), {"address": "module.site.module.cdn"})
	count(rule.warn) == 0 with input as {"resources": [], "modules": [edge, cdn]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [edge, object.union(cdn, {"address": "module.other.module.cdn"})]}
}

# Lambda rejects Active tracing unless the execution role may call xray:PutTraceSegments: the module
# fix also attaches the module's tracing policy, keeps the edit to tracing_mode when it is already
# attached, and offers no fix when the call brings its own role (create_role false or unknown).
test_opaque_module_fix_grants_the_role_xray if {
	fixes := {w.fix | some w in rule.warn} with input as {"resources": [], "modules": [call({"create_role": true})]}
	fixes == {[{"op": "set", "path": ["tracing_mode"], "value": "Active"}, {"op": "set", "path": ["attach_tracing_policy"], "value": true}]}
	attached := {w.fix | some w in rule.warn} with input as {"resources": [], "modules": [call({"attach_tracing_policy": true})]}
	attached == {[{"op": "set", "path": ["tracing_mode"], "value": "Active"}]}
}

test_opaque_module_with_own_role_gets_no_fix if {
	own := rule.warn with input as {"resources": [], "modules": [call({"create_role": false, "lambda_role": "arn:aws:iam::111122223333:role/fn"})]}
	own == {{"msg": "module.fn does not have active tracing", "resource": "module.fn", "path": ["tracing_mode"]}}
	unknown_role := rule.warn with input as {"resources": [], "modules": [call({"create_role": {"$unknown": "var.create_role"}})]}
	unknown_role == {{"msg": "module.fn does not have active tracing", "resource": "module.fn", "path": ["tracing_mode"]}}
	unknown_attach := rule.warn with input as {"resources": [], "modules": [call({"attach_tracing_policy": {"$unknown": "var.attach"}})]}
	unknown_attach == {{"msg": "module.fn does not have active tracing", "resource": "module.fn", "path": ["tracing_mode"]}}
}

# A role that lists managed_policy_arns manages its attachments exclusively: an attachment beside
# it would be detached again on every apply, so the X-Ray policy goes into the list (held-out
# s22/H3: CMS BFD Insights' Lambda roles). A list that cannot be read entry by entry gets no fix.
test_role_with_managed_policy_arns_gets_the_policy_in_its_list if {
	listed := object.union(exec_role, {"config": {"name": "exec", "managed_policy_arns": [{"$unknown": "aws_iam_policy.logs.arn"}, "arn:aws:iam::aws:policy/ReadOnlyAccess"]}})
	some f in rule.warn with input as {"resources": [fn({}), listed]}
	f.fix == [
		{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}},
		{"op": "set", "path": ["managed_policy_arns"], "resource": "aws_iam_role.exec", "value": [
			{"$expr": "aws_iam_policy.logs.arn"},
			"arn:aws:iam::aws:policy/ReadOnlyAccess",
			"arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
		]},
	]
	opaque := object.union(exec_role, {"config": {"name": "exec", "managed_policy_arns": {"$unknown": "var.policy_arns"}}})
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config"]}} with input as {"resources": [fn({}), opaque]}
}

# An aws_iam_role_policy_attachments_exclusive naming the role (provider 5.72.0, the successor of
# managed_policy_arns) detaches every policy its policy_arns does not list, an attachment added
# beside it included: the X-Ray policy goes into that list; an unreadable list gets no fix
# (review of the twenty-first held-out corpus, s22/R3).
exclusive(arns) := {"address": "aws_iam_role_policy_attachments_exclusive.exec", "type": "aws_iam_role_policy_attachments_exclusive", "name": "exec", "config": {"role_name": {"$unknown": "aws_iam_role.exec.name"}, "policy_arns": arns}, "references": [{"path": ["role_name"], "target": "aws_iam_role.exec", "attribute": "name"}]}

test_role_with_exclusive_attachments_gets_the_policy_in_their_list if {
	some f in rule.warn with input as {"resources": [fn({}), exec_role, exclusive(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"])]}
	f.fix == [
		{"op": "add_block", "path": [], "type": "tracing_config", "config": {"mode": "Active"}},
		{"op": "set", "path": ["policy_arns"], "resource": "aws_iam_role_policy_attachments_exclusive.exec", "value": [
			"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
			"arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
		]},
	]
	rule.warn == {{"msg": "aws_lambda_function.this does not have active tracing", "resource": "aws_lambda_function.this", "path": ["tracing_config"]}} with input as {"resources": [fn({}), exec_role, exclusive({"$unknown": "var.policy_arns"})]}
}

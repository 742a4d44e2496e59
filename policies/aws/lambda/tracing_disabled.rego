# METADATA
# title: Lambda function does not have active X-Ray tracing
# description: |
#   Without active tracing there is no end-to-end trace of invocations through downstream
#   services, which makes it hard to see unusual call patterns or investigate a compromised
#   function. Advisory. Lambda@Edge functions (associated with a CloudFront distribution, or a
#   terraform-aws-modules/lambda call with lambda_at_edge = true) are not reported: Lambda@Edge
#   does not support X-Ray.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html
# custom:
#   id: PAL-AWS-LAMBDA-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_lambda_function, aws_iam_role_policy_attachments_exclusive, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_50
#     trivy: AVD-AWS-0066
#     kics: 8152e0cf-d2f0-47ad-96d5-d003a76eabd1
#   remediation: >-
#     Add tracing_config { mode = "Active" } and let the execution role write traces
#     (xray:PutTraceSegments, xray:PutTelemetryRecords, as in AWSXRayDaemonWriteAccess) - Lambda
#     refuses active tracing otherwise.
#   fixable: true
package palisade.aws.lambda.tracing_disabled

import data.palisade.lib.fixes
import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_lambda_function"}

ok_values := {"Active"}

warn contains fixes.finding(r, path, msg, tracing_ops(r, result.set(path, "Active"))) if {
	some r in input.resources
	r.type in types
	some i, b in tf.blocks(r, "tracing_config")
	bad(object.get(b, "mode", null))
	not edge_function(r)
	path := ["tracing_config", i, "mode"]
	msg := sprintf("%s does not have active tracing", [r.address])
}

warn contains fixes.finding(r, ["tracing_config"], msg, tracing_ops(r, result.add_block([], "tracing_config", {"mode": "Active"}))) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["tracing_config"])
	not edge_function(r)
	msg := sprintf("%s does not have active tracing", [r.address])
}

# Opaque terraform-aws-modules/lambda calls: the module adds tracing_config only when tracing_mode
# (default null in every major) is set, and passes it unchanged.
warn contains finding if {
	some m in modules.lambda_functions
	bad(object.get(m.config, "tracing_mode", null))
	not edge_call(m)
	msg := sprintf("%s does not have active tracing", [m.address])
	finding := _module_finding(m, msg)
}

# Lambda refuses Active tracing when the execution role may not call xray:PutTraceSegments
# (CreateFunction / UpdateFunctionConfiguration: InvalidParameterValueException "The provided
# execution role does not have permissions to call PutTraceSegments on XRAY"). The module grants
# it only with attach_tracing_policy = true on the role it creates (create_role, default true), so
# the fix turns that on too; a call that brings its own role (create_role false or unknown) gets
# no fix, since nothing here can tell whether that role may write traces.
_module_finding(m, msg) := result.fail_fix(m, ["tracing_mode"], msg, [result.set(["tracing_mode"], "Active")]) if {
	object.get(m.config, "attach_tracing_policy", false) == true
} else := result.fail_fix(m, ["tracing_mode"], msg, [
	result.set(["tracing_mode"], "Active"),
	result.set(["attach_tracing_policy"], true),
]) if {
	object.get(m.config, "create_role", true) == true
	object.get(m.config, "attach_tracing_policy", false) == false
} else := result.fail(m, ["tracing_mode"], msg)

# Lambda refuses Active tracing when the execution role may not write traces (see _module_finding).
# tracing_ops(r, op): op alone when the function's role, declared here, may already call
# xray:PutTraceSegments; op and an attachment of AWSXRayDaemonWriteAccess (the trace-writing
# actions only) when it may not and a resource can be added beside it; none (no fix) when the role
# is not in the configuration, since nothing here tells what it may do.
tracing_ops(r, op) := [op] if {
	writes_traces(execution_role(r))
} else := [op, listed] if {
	role := execution_role(r)
	tf.has_attr(role, ["managed_policy_arns"])
	fixes.can_reference(role)
	listed := managed_arns_with_xray(role)
} else := [op, listed] if {
	role := execution_role(r)
	not tf.has_attr(role, ["managed_policy_arns"])
	exclusive := exclusive_attachments(role)
	count(exclusive) == 1
	ex := exclusive[0]
	fixes.can_reference(ex)
	listed := exclusive_arns_with_xray(ex)
} else := [op, xray_attachment(role)] if {
	role := execution_role(r)
	not tf.has_attr(role, ["managed_policy_arns"])
	count(exclusive_attachments(role)) == 0
	fixes.can_add_resource(r)
	fixes.can_reference(role)
	not attachment_named(xray_attachment_name(role))
} else := []

# A role that lists managed_policy_arns manages its attachments exclusively: the provider detaches
# every policy the list does not name, so an aws_iam_role_policy_attachment beside it is a
# permanent difference (each apply detaches it again; CMS BFD Insights' Slack-alert and
# crawler-trigger Lambdas, held-out s22/H3). The AWSXRayDaemonWriteAccess ARN goes into the list,
# each entry written back as it stands; a list Palisade cannot read entry by entry (a variable, a
# concat(...)) gets no fix.
managed_arns_with_xray(role) := object.union(result.set(["managed_policy_arns"], array.concat(entries, [xray_arn])), {"resource": role.address}) if {
	arns := role.config.managed_policy_arns
	is_array(arns)
	entries := [entry(v) | some v in arns]
	every e in entries {
		readable_entry(e)
	}
}

# An aws_iam_role_policy_attachments_exclusive naming the role (hashicorp/aws 5.72.0, the provider's
# successor to managed_policy_arns) detaches every managed policy its policy_arns does not list, an
# attachment added beside it included: the X-Ray policy goes into that list as above. Two such
# resources for one role, or an unreadable list, get no fix.
exclusive_attachments(role) := [ex |
	some ex in iam_identity.of_type("aws_iam_role_policy_attachments_exclusive")
	role.address in iam_identity.designated(ex, ["role_name"], "aws_iam_role")
]

exclusive_arns_with_xray(ex) := object.union(result.set(["policy_arns"], array.concat(entries, [xray_arn])), {"resource": ex.address}) if {
	arns := ex.config.policy_arns
	is_array(arns)
	entries := [entry(v) | some v in arns]
	every e in entries {
		readable_entry(e)
	}
}

entry(v) := v if is_string(v)

entry(v) := result.expr(v["$unknown"]) if {
	is_object(v)
	is_string(v["$unknown"])
}

readable_entry(e) if is_string(e)

readable_entry(e) if is_string(e["$expr"])

xray_arn := "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"

# execution_role(r): the one aws_iam_role of this module the function's role argument references.
execution_role(r) := role if {
	roles := {role |
		some ref in r.references
		ref.path == ["role"]
		some role in tf.resources("aws_iam_role")
		tf.refers_to(ref.target, role.address)
	}
	count(roles) == 1
	some role in roles
}

writes_traces(role) if {
	some st in iam_identity.statements_of(role.address)
	iam.allows_action(st.statement, "xray:PutTraceSegments")
}

writes_traces(role) if {
	some a in iam_identity.attached_arns
	a.identity == role.address
	some name in {"AWSXRayDaemonWriteAccess", "AWSXrayWriteOnlyAccess", "AWSXrayFullAccess", "AdministratorAccess", "AWSLambdaTracerAccessExecutionRole"}
	endswith(a.arn, concat("", [":iam::aws:policy/", name]))
}

# Named after the role, not the function: functions sharing one role share the attachment (two
# attachments of one policy to one role would detach it from both when either is destroyed).
xray_attachment_name(role) := sprintf("%s_xray", [role.name])

attachment_named(name) if {
	some a in tf.resources("aws_iam_role_policy_attachment")
	a.name == name
}

xray_attachment(role) := result.add_resource("aws_iam_role_policy_attachment", xray_attachment_name(role), {
	"role": result.expr(sprintf("%s.name", [role.address])),
	"policy_arn": xray_arn,
})

# Lambda@Edge does not support X-Ray ("Using AWS X-Ray" is among the Lambda features the CloudFront
# guide lists as unsupported), so asking an edge function for active tracing asks the impossible.
# A function is an edge function when a distribution's lambda_function_association points at it:
# by reference from an aws_cloudfront_distribution, or by expression from a module call (the
# terraform-aws-modules/cloudfront form, whose config keeps `module.x.…_qualified_arn` unknown).
edge_function(r) if {
	some d in tf.resources("aws_cloudfront_distribution")
	some ref in d.references
	"lambda_function_association" in ref.path
	tf.refers_to(ref.target, r.address)
}

edge_function(r) if {
	some [holder, expr] in association_expressions
	tf.names(holder, expr, r.address)
}

edge_call(m) if {
	some [holder, expr] in association_expressions
	tf.names(holder, expr, m.address)
}

# The lambda module's own switch for Lambda@Edge (trust for edgelambda.amazonaws.com).
edge_call(m) if m.config.lambda_at_edge == true

# association_expressions: [holder's address, text] of the unknown values set under a
# lambda_function_association anywhere in a distribution or a module call (lambda_arn =
# module.edge.lambda_function_qualified_arn); the text is relative to the holder's module.
association_expressions contains [holder.address, value["$unknown"]] if {
	some holder in array.concat(tf.resources("aws_cloudfront_distribution"), object.get(input, "modules", []))
	walk(holder.config, [path, value])
	"lambda_function_association" in path
	is_object(value)
	is_string(value["$unknown"])
}

bad(null) := true

bad(v) if {
	is_string(v)
	not v in ok_values
}

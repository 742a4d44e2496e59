# METADATA
# title: Lambda function URL does not require authentication
# description: |
#   authorization_type = "NONE" makes the function callable by anyone on the internet who finds
#   the URL, with no IAM signature. The function then carries all the authentication burden
#   itself, and abuse is billed to the account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
# custom:
#   id: PAL-AWS-LAMBDA-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_lambda_function_url, "module:terraform-aws-modules/lambda/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_258
#     kics: 0cbdf8fb-83cd-418f-918f-de86df0621b6
#   cwe: ["CWE-306"]
#   remediation: Set authorization_type = "AWS_IAM", or put the function behind API Gateway with an authorizer.
#   fixable: true
package palisade.aws.lambda.function_url_unauthenticated

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result

types := {"aws_lambda_function_url"}

ok_values := {"AWS_IAM"}

# The fix requires IAM-signed requests (callers then need lambda:InvokeFunctionUrl).
# A URL the module deliberately opens to everyone (an aws_lambda_permission for the same function
# granting lambda:InvokeFunctionUrl to "*" with function_url_auth_type = "NONE") keeps the finding
# without a fix: its callers are anonymous by design (webhooks, a public API authenticating in the
# function itself), and requiring SigV4 would turn every call away (H12 fix review: the scan-files
# API, which checks its own bearer token). Moving the authentication is the author's design.
deny contains fixes.finding(r, ["authorization_type"], msg, ops) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "authorization_type", null))
	msg := sprintf("%s allows unauthenticated invocation", [r.address])
	ops := [op | not public_by_design(r); op := result.set(["authorization_type"], "AWS_IAM")]
}

# Opaque terraform-aws-modules/lambda calls: with create_lambda_function_url = true (default false)
# the module creates a function URL whose authorization_type defaults to "NONE": the call header
# is reported when the argument is missing, the argument when it is set to anything but AWS_IAM.
deny contains result.fail_fix(m, ["authorization_type"], msg, [result.set(["authorization_type"], "AWS_IAM")]) if {
	some m in modules.lambda_functions
	m.config.create_lambda_function_url == true
	bad(object.get(m.config, "authorization_type", "NONE"))
	msg := sprintf("%s creates a function URL that allows unauthenticated invocation", [m.address])
}

bad(v) if {
	is_string(v)
	not v in ok_values
}

public_by_design(url) if {
	some p in input.resources
	p.type == "aws_lambda_permission"
	object.get(p.config, "function_url_auth_type", null) == "NONE"
	object.get(p.config, "principal", null) == "*"
	object.get(p.config, "function_name", null) == url.config.function_name
}

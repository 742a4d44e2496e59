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
#   resource_types: [aws_lambda_function_url]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_258
#   cwe: ["CWE-306"]
#   remediation: Set authorization_type = "AWS_IAM", or put the function behind API Gateway with an authorizer.
#   fixable: true
package palisade.aws.lambda.function_url_unauthenticated

import data.palisade.lib.result

types := {"aws_lambda_function_url"}

ok_values := {"AWS_IAM"}

# The fix requires IAM-signed requests (callers then need lambda:InvokeFunctionUrl).
deny contains result.fail_fix(r, ["authorization_type"], msg, [result.set(["authorization_type"], "AWS_IAM")]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "authorization_type", null))
	msg := sprintf("%s allows unauthenticated invocation", [r.address])
}

bad(v) if {
	is_string(v)
	not v in ok_values
}

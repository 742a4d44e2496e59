# METADATA
# title: Lambda permission lets anyone invoke the function
# description: |
#   An aws_lambda_permission with principal "*" and no source_arn, source_account or
#   principal_org_id lets any AWS account (or anyone, through a function URL) invoke the
#   function. For service principals without source_arn, any other customer's resource of that
#   service could invoke it too (the confused deputy problem).
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: PAL-AWS-LAMBDA-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lambda_permission]
#   frameworks: {}
#   references:
#     kics: e08ed7eb-f3ef-494d-9d22-2e3db756a347
#   cwe: ["CWE-732"]
#   remediation: Set principal to the specific account or service, and restrict it with source_arn or source_account.
#   fixable: false
package palisade.aws.lambda.permission_public

import data.palisade.lib.result
import data.palisade.lib.tf

scoping_attributes := ["source_arn", "source_account", "principal_org_id"]

deny contains result.fail(r, ["principal"], msg) if {
	some r in tf.resources("aws_lambda_permission")
	r.config.principal == "*"
	every key in scoping_attributes {
		tf.missing_attr(r, [key])
	}
	msg := sprintf("%s lets any principal invoke the function", [r.address])
}

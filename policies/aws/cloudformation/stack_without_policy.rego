# METADATA
# title: CloudFormation stack has no stack policy
# description: |
#   Without a stack policy any stack update may replace or delete every resource in the stack, so a
#   mistaken or malicious template change can destroy a database or a VPC. A stack policy denies
#   Update:Replace and Update:Delete on the resources that must survive.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/protect-stack-resources.html
# custom:
#   id: PAL-AWS-CLOUDFORMATION-001
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudformation_stack]
#   references:
#     kics: 2f01fb2d-828a-499d-b98e-b83747305052
#   remediation: Set policy_body (or policy_url) to a stack policy that denies replacing or deleting critical resources.
#   fixable: true
package palisade.aws.cloudformation.stack_without_policy

import data.palisade.lib.result
import data.palisade.lib.tf

# Advisory: stacks of stateless resources may not need one.
# The fix sets the stack policy the remediation describes: any update, except one that replaces
# or deletes a resource (those then need a temporary overriding policy).
warn contains result.fail_fix(r, ["policy_body"], msg, [result.set(["policy_body"], result.expr(protective_policy))]) if {
	some r in tf.resources("aws_cloudformation_stack")
	tf.missing_attr(r, ["policy_body"])
	tf.missing_attr(r, ["policy_url"])
	msg := sprintf("%s has no stack policy protecting its resources from updates", [r.address])
}

# Written for the attribute of a top-level resource block.
protective_policy := concat("\n", [
	"jsonencode({",
	"    Statement = [",
	"      { Effect = \"Allow\", Action = \"Update:*\", Principal = \"*\", Resource = \"*\" },",
	"      { Effect = \"Deny\", Action = [\"Update:Replace\", \"Update:Delete\"], Principal = \"*\", Resource = \"*\" },",
	"    ]",
	"  })",
])

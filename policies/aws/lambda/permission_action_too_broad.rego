# METADATA
# title: Lambda permission grants more than invoking the function
# description: |
#   aws_lambda_permission exists to let another service or account invoke a function. Any other
#   action (lambda:DeleteFunction, lambda:UpdateFunctionCode) or a wildcard such as lambda:* hands
#   that principal control over the function itself, including replacing its code.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
# custom:
#   id: PAL-AWS-LAMBDA-004
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lambda_permission, "module:terraform-aws-modules/lambda/aws"]
#   references:
#     kics: [75ec6890-83af-4bf1-9f16-e83726df0bd0, ad9dabc7-7839-4bae-a957-aa9120013f39]
#   cwe: ["CWE-732"]
#   remediation: Set action = "lambda:InvokeFunction" (or lambda:InvokeFunctionUrl for function URLs).
#   fixable: true
package palisade.aws.lambda.permission_action_too_broad

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The actions a resource-based permission is meant to grant.
invoke_actions := {"lambda:invokefunction", "lambda:invokefunctionurl"}

deny contains result.fail_fix(r, ["action"], msg, [result.set(["action"], "lambda:InvokeFunction")]) if {
	some r in tf.resources("aws_lambda_permission")
	action := unknown.known_string(r.config.action)
	not lower(action) in invoke_actions
	msg := sprintf("%s grants %s instead of lambda:InvokeFunction", [r.address, action])
}

# Opaque terraform-aws-modules/lambda calls: an allowed_triggers entry's `action` (default
# lambda:InvokeFunction) is the action of the permissions the module creates from it.
deny contains result.fail_fix(t.call, path, msg, [result.set(path, "lambda:InvokeFunction")]) if {
	some t in modules.lambda_triggers
	action := unknown.known_string(t.entry.action)
	not lower(action) in invoke_actions
	path := ["allowed_triggers", t.key, "action"]
	msg := sprintf("%s grants %s instead of lambda:InvokeFunction (allowed_triggers %q)", [t.call.address, action, t.key])
}

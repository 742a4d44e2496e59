# METADATA
# title: Lambda function runs with a role that can escalate privileges
# description: |
#   The function's execution role is granted actions that let whoever controls the function's code
#   take over more of the account: rewriting or attaching IAM policies, minting credentials, passing
#   roles to new compute, or full administrator access. Any code injection or dependency compromise
#   in the function then becomes an account compromise.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
# custom:
#   id: PAL-AWS-LAMBDA-005
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lambda_function, aws_iam_role, aws_iam_role_policy, aws_iam_policy, aws_iam_role_policy_attachment, aws_iam_policy_attachment]
#   references:
#     kics: 1b3af2f9-af8c-4dfc-a0f1-a03adb70deb2
#   allow_unknown: true
#   cwe: ["CWE-269"]
#   remediation: Give the function a role that grants only the actions and resources its code uses.
#   fixable: false
package palisade.aws.lambda.function_role_privileged

import data.palisade.lib.iam
import data.palisade.lib.iam_escalation
import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains finding if {
	some fn in tf.resources("aws_lambda_function")
	some role in roles_of(fn)
	what := privileges(role.address)
	msg := sprintf("%s runs as %s, which can escalate its privileges (%s)", [fn.address, role.address, what])
	finding := result.fail(fn, ["role"], msg)
}

roles_of(fn) := {role |
	some role in tf.resources("aws_iam_role")
	iam_identity.designates(fn, ["role"], role)
}

privileges(address) := "full administrator access" if {
	some st in iam_identity.statements_of(address)
	iam.allows_all_actions(st.statement)
	iam.allows_all_resources(st.statement)
} else := "full administrator access" if {
	some a in iam_identity.attached_arns
	a.identity == address
	aws_managed(a.arn, "AdministratorAccess")
} else := "full administrator access, but for the resources in NotResource" if {
	# Review s20/R3: "*" on every resource but those listed, IAM-001's reading since round 31.
	some st in iam_identity.statements_of(address)
	iam.allows_all_actions(st.statement)
	iam.allows_all_but_listed_resources(st.statement)
} else := "IAM full access" if {
	some a in iam_identity.attached_arns
	a.identity == address
	aws_managed(a.arn, "IAMFullAccess")
} else := iam_escalation.summary(found) if {
	found := iam_escalation.escalations(address)
	count(found) > 0
}

# AWS managed policies (any partition) whose documents are not in the configuration.
aws_managed(arn, name) if {
	startswith(arn, "arn:")
	endswith(arn, concat("", [":iam::aws:policy/", name]))
}

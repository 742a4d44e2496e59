# METADATA
# title: IAM role can escalate its own privileges
# description: |
#   The policies attached to this role grant a known privilege-escalation path: actions that
#   let it rewrite or attach policies, mint credentials or console passwords for other users,
#   join groups, rewrite a role's trust, pass a role to a service it can then run code in
#   (iam:PassRole with ec2:RunInstances, lambda:CreateFunction, glue:CreateDevEndpoint,
#   cloudformation:CreateStack, CodeBuild projects, SageMaker notebooks and jobs), or run code
#   where a role already is (Lambda function code, Glue endpoints, a stack update, a SageMaker
#   notebook's presigned URL, SSM commands and sessions, EC2 Instance Connect keys). Whoever can assume it can become an administrator. Wildcards
#   (iam:*, *) count; an unconditional Deny on all resources in its own policies cancels a grant,
#   and so does a date condition already past. The action that picks the target must be granted
#   over more than named resources (a wildcard in the ARN's resource part, "*", or NotResource):
#   one's own access keys or one named role to pass bound what can be gained, and AWS managed
#   policies (arn:aws:iam::aws:policy/…) cannot be rewritten by anyone but AWS. The AWS managed IAMFullAccess, attached by its ARN, counts too:
#   its document is not in the configuration, but it allows iam:* on every resource.
#   A permissions boundary that is a policy of the same configuration caps the paths: an action
#   the boundary does not allow is not counted.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: PAL-AWS-IAM-015
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_role, aws_iam_role_policy, aws_iam_role_policy_attachment, aws_iam_policy_attachment, aws_iam_policy]
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     kics:
#       - eda48c88-2b7d-4e34-b6ca-04c0194aee17
#       - b8a31292-509d-4b61-bc40-13b167db7e9c
#       - f906113d-cdc0-415a-ba60-609cc6daaf4d
#       - 5b4d4aee-ac94-4810-9611-833636e5916d
#       - 9a205ba3-0dd1-42eb-8d54-2ffec836b51a
#       - ee49557d-750c-4cc1-aa95-94ab36cbefde
#       - 30b88745-eebe-4ecb-a3a9-5cf886e96204
#       - d6047119-a0b2-4b59-a4f2-127a36fb685b
#       - 8f75840d-9ee7-42f3-b203-b40e3979eb12
#       - f1173d8c-3264-4148-9fdb-61181e031b51
#       - 35ccf766-0e4d-41ed-9ec4-2dab155082b4
#       - c583f0f9-7dfd-476b-a056-f47c62b47b46
#       - f465fff1-0a0f-457d-aa4d-1bddb6f204ff
#       - 7c96920c-6fd0-449d-9a52-0aa431b6beaf
#       - eb64f1e9-f67d-4e35-8a3c-3d6a2f9efea7
#       - 118281d0-6471-422e-a7c5-051bc667926e
#       - be2aa235-bd93-4b68-978a-1cc65d49082f
#       - 0a592060-8166-49f5-8e65-99ac6dce9871
#       - fa62ac4f-f5b9-45b9-97c1-625c8b6253ca
#   cwe: ["CWE-269"]
#   remediation: Remove the escalation actions from its policies or scope them to specific resources that cannot lead to more privilege.
#   fixable: false
package palisade.aws.iam.role_privilege_escalation

import data.palisade.lib.iam_escalation as escalation
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(identity, [], msg), related) if {
	some identity in tf.resources("aws_iam_role")
	found := escalation.escalations(identity.address)
	count(found) > 0
	holders := concat(", ", escalation.holders(found))
	msg := sprintf("%s can escalate its privileges with %s (granted by %s)", [identity.address, escalation.summary(found), holders])
	related := [result.related(st.resource, st.path, sprintf("grants %s", [concat(", ", st.actions)])) |
		some st in escalation.statements(found)
	]
}

# An attached AWS managed policy that escalates by itself (IAMFullAccess), with no path in the
# identity's own documents.
deny contains result.fail(identity, [], msg) if {
	some identity in tf.resources("aws_iam_role")
	names := escalation.managed_only(identity.address)
	msg := sprintf("%s can escalate its privileges with the AWS managed %s (iam:* on every resource)", [identity.address, names])
}

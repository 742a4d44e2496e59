# METADATA
# title: IAM user can escalate its own privileges
# description: |
#   The policies attached to this user grant a known privilege-escalation path: actions that
#   let it rewrite or attach policies, mint credentials or console passwords for other users,
#   join groups, rewrite a role's trust, pass a role to a service it can then run code in
#   (iam:PassRole with ec2:RunInstances, lambda:CreateFunction, glue:CreateDevEndpoint,
#   cloudformation:CreateStack, CodeBuild projects, SageMaker notebooks and jobs), or run code
#   where a role already is (Lambda function code, Glue endpoints, a stack update, a SageMaker
#   notebook's presigned URL, SSM commands and sessions, EC2 Instance Connect keys). Whoever controls it can become an administrator. Wildcards
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
#   id: PAL-AWS-IAM-013
#   severity: high
#   formats: [terraform]
#   resource_types:
#     - aws_iam_user
#     - aws_iam_user_policy
#     - aws_iam_user_policy_attachment
#     - aws_iam_policy_attachment
#     - aws_iam_policy
#     - aws_iam_group_policy
#     - aws_iam_group_policy_attachment
#     - aws_iam_group_membership
#     - aws_iam_user_group_membership
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     kics:
#       - 9b877bd8-94b4-4c10-a060-8e0436cc09fa
#       - bf9d42c7-c2f9-4dfe-942c-c8cc8249a081
#       - 6d23d87e-1c5b-4308-b224-92624300f29b
#       - e227091e-2228-4b40-b046-fc13650d8e88
#       - 70cb518c-d990-46f6-bc05-44a5041493d6
#       - 113208f2-a886-4526-9ecc-f3218600e12c
#       - 0fd7d920-4711-46bd-aff2-d307d82cd8b7
#       - 89561b03-cb35-44a9-a7e9-8356e71606f4
#       - 94fbe150-27e3-4eba-9ca6-af32865e4503
#       - 8055dec2-efb8-4fe6-8837-d9bed6ff202a
#       - 8bfbf7ab-d5e8-4100-8618-798956e101e0
#       - eeb4d37a-3c59-4789-a00c-1509bc3af1e5
#       - 0c10d7da-85c4-4d62-b2a8-d6c104f1bd77
#       - 6deb34e2-5d9c-499a-801b-ea6d9eda894f
#       - b69247e5-7e73-464e-ba74-ec9b715c6e12
#       - 19ffbe31-9d72-4379-9768-431195eae328
#       - 1743f5f1-0bb0-4934-acef-c80baa5dadfa
#       - 43a41523-386a-4cb1-becb-42af6b414433
#       - 33627268-1445-4385-988a-318fd9d1a512
#   cwe: ["CWE-269"]
#   remediation: Remove the escalation actions from its policies or scope them to specific resources that cannot lead to more privilege.
#   fixable: false
package palisade.aws.iam.user_privilege_escalation

import data.palisade.lib.iam_escalation as escalation
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(identity, [], msg), related) if {
	some identity in tf.resources("aws_iam_user")
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
	some identity in tf.resources("aws_iam_user")
	names := escalation.managed_only(identity.address)
	msg := sprintf("%s can escalate its privileges with the AWS managed %s (iam:* on every resource)", [identity.address, names])
}

# METADATA
# title: IAM group can escalate its own privileges
# description: |
#   The policies attached to this group grant a known privilege-escalation path: actions that
#   let it rewrite or attach policies, mint credentials or console passwords for other users,
#   join groups, rewrite a role's trust, pass a role to a service it can then run code in
#   (iam:PassRole with ec2:RunInstances, lambda:CreateFunction, glue:CreateDevEndpoint,
#   cloudformation:CreateStack, CodeBuild projects, SageMaker notebooks and jobs), or run code
#   where a role already is (Lambda function code, Glue endpoints, a stack update, a SageMaker
#   notebook's presigned URL, SSM commands and sessions, EC2 Instance Connect keys). Every member of it can become an administrator. Wildcards
#   (iam:*, *) count; an unconditional Deny on all resources in its own policies cancels a grant,
#   and so does a date condition already past. The action that picks the target must be granted
#   over more than named resources (a wildcard in the ARN's resource part, "*", or NotResource):
#   one's own access keys or one named role to pass bound what can be gained, and AWS managed
#   policies (arn:aws:iam::aws:policy/…) cannot be rewritten by anyone but AWS. The AWS managed IAMFullAccess, attached by its ARN, counts too:
#   its document is not in the configuration, but it allows iam:* on every resource.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#   - ref: https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/
# custom:
#   id: PAL-AWS-IAM-014
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_group, aws_iam_group_policy, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_policy]
#   frameworks:
#     nist-800-53: [AC-6]
#   references:
#     kics:
#       - 8f3c16b3-354d-45db-8ad5-5066778a9485
#       - 70b42736-efee-4bce-80d5-50358ed94990
#       - 3dd96caa-0b5f-4a85-b929-acfac4646cc2
#       - db78d14b-10e5-4e6e-84b1-dace6327b1ec
#       - 846646e3-2af1-428c-ac5d-271eccfa6faf
#       - 04c686f1-e0cd-4812-88e1-4e038410074c
#       - 9b0ffadc-a61f-4c2a-b1e6-68fab60f6267
#       - 15e6ad8c-f420-49a6-bafb-074f5eb1ec74
#       - 034d0aee-620f-4bf7-b7fb-efdf661fdb9e
#       - e77c89f6-9c85-49ea-b95b-5f960fe5be92
#       - c0c1e744-0f37-445e-924a-1846f0839f69
#       - 60263b4a-6801-4587-911d-919c37ed733b
#       - 78f1ec6f-5659-41ea-bd48-d0a142dce4f2
#       - ad296c0d-8131-4d6b-b030-1b0e73a99ad3
#       - 571254d8-aa6a-432e-9725-535d3ef04d69
#       - 7d544dad-8a6c-431c-84c1-5f07fe9afc0e
#       - 970ed7a2-0aca-4425-acf1-0453c9ecbca1
#       - ec49cbfd-fae4-45f3-81b1-860526d66e3f
#       - 7782d4b3-e23e-432b-9742-d9528432e771
#   cwe: ["CWE-269"]
#   remediation: Remove the escalation actions from its policies or scope them to specific resources that cannot lead to more privilege.
#   fixable: false
package palisade.aws.iam.group_privilege_escalation

import data.palisade.lib.iam_escalation as escalation
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(identity, [], msg), related) if {
	some identity in tf.resources("aws_iam_group")
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
	some identity in tf.resources("aws_iam_group")
	names := escalation.managed_only(identity.address)
	msg := sprintf("%s can escalate its privileges with the AWS managed %s (iam:* on every resource)", [identity.address, names])
}

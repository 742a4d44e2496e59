# METADATA
# title: IAM policy allows everything except a list of actions
# description: |
#   An Allow statement with NotAction grants every action of every service except the ones
#   listed, including actions AWS adds in the future. It is almost always far broader than
#   intended; allow-lists (Action) are the least-privilege form. The AWS managed PowerUserAccess
#   policy is such a statement (every action but IAM, Organizations and Account management, on
#   every resource): attaching it is reported at the attachment, since its document is not in
#   the configuration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
# custom:
#   id: PAL-AWS-IAM-008
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_iam_policy
#     - aws_iam_role_policy
#     - aws_iam_user_policy
#     - aws_iam_group_policy
#     - aws_iam_role
#     - aws_iam_role_policy_attachment
#     - aws_iam_user_policy_attachment
#     - aws_iam_group_policy_attachment
#     - aws_iam_policy_attachment
#     - aws_iam_role_policy_attachments_exclusive
#     - aws_iam_user_policy_attachments_exclusive
#     - aws_iam_group_policy_attachments_exclusive
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-269"]
#   remediation: Replace NotAction with an Action list of what is needed (use NotAction only in Deny statements).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_allow_not_action

# allow_unknown: a managed policy looked up with `data "aws_iam_policy"` is attached by its unknown
# arn, and that attribute is the finding's place.

import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.unknown

deny contains result.fail(st.resource, array.concat(st.path, ["NotAction"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_but_listed(st.statement)
	not iam.expired(st.statement) # round 22: a date condition already past allows nothing
	msg := sprintf("%s allows every action except those listed in NotAction", [st.resource.address])
}

# The AWS managed PowerUserAccess policy attached (by ARN for any partition, or through a
# `data "aws_iam_policy"` lookup): reported where it is attached.
deny contains result.fail(r, path, msg) if {
	some [r, path, value] in attached
	endswith(iam_identity.managed_arn(r, path, value), ":iam::aws:policy/PowerUserAccess")
	msg := sprintf("%s attaches the AWS managed PowerUserAccess policy, which %s", [r.address, power_user_grants])
}

power_user_grants := "allows every action except IAM, Organizations and Account management"

attachment_types := {"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"}

exclusive_types := {"aws_iam_role_policy_attachments_exclusive", "aws_iam_user_policy_attachments_exclusive", "aws_iam_group_policy_attachments_exclusive"}

# Where a managed policy ARN is attached: [resource, path, value] (as IAM-002 reads them).
attached contains [r, ["policy_arn"], r.config.policy_arn] if {
	some r in iam_identity.iam_resources
	r.type in attachment_types
}

attached contains [r, ["managed_policy_arns", i], value] if {
	some r in iam_identity.of_type("aws_iam_role")
	some i, value in unknown.items(object.get(r.config, "managed_policy_arns", null))
}

attached contains [r, ["policy_arns", i], value] if {
	some r in iam_identity.iam_resources
	r.type in exclusive_types
	some i, value in unknown.items(object.get(r.config, "policy_arns", null))
}

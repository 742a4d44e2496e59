# METADATA
# title: IAM policy allows everything except a list of actions
# description: |
#   An Allow statement with NotAction grants every action of every service except the ones
#   listed, including actions AWS adds in the future. It is almost always far broader than
#   intended; allow-lists (Action) are the least-privilege form. The AWS managed PowerUserAccess
#   policy is such a statement (every action but IAM, Organizations and Account management, on
#   every resource): attaching it is reported at the attachment, since its document is not in
#   the configuration, or at the input of an opaque terraform-aws-modules/iam role or group
#   submodule that is given its ARN.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
# custom:
#   id: PAL-AWS-IAM-008
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_iam_policy
#     - "module:terraform-aws-modules/iam/aws//modules/iam-policy"
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
#     - "module:terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-eks-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-saml"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-group-with-policies"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-group"
#     - "module:terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-269"]
#   remediation: Replace NotAction with an Action list of what is needed (use NotAction only in Deny statements).
#   fixable: false
#   allow_unknown: true
package palisade.aws.iam.policy_allow_not_action

# allow_unknown: a managed policy looked up with `data "aws_iam_policy"` is attached by its unknown
# arn, and that attribute is the finding's place.

import data.palisade.aws.iam.admin_policy_attached as admin
import data.palisade.lib.iam
import data.palisade.lib.iam_identity
import data.palisade.lib.modules
import data.palisade.lib.result

deny contains result.fail(st.resource, array.concat(st.path, ["NotAction"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_but_listed(st.statement)
	not iam.expired(st.statement) # round 22: a date condition already past allows nothing
	msg := sprintf("%s allows every action except those listed in NotAction", [st.resource.address])
}

# The AWS managed PowerUserAccess policy attached (by ARN for any partition, or through a
# `data "aws_iam_policy"` lookup): reported where it is attached.
deny contains result.fail(r, path, msg) if {
	some [r, path, value] in iam_identity.managed_attachments
	endswith(iam_identity.managed_arn(r, path, value), ":iam::aws:policy/PowerUserAccess")
	msg := sprintf("%s attaches the AWS managed PowerUserAccess policy, which %s", [r.address, power_user_grants])
}

# Opaque terraform-aws-modules/iam role and group submodules attach every ARN their inputs list to
# the role or group they create (IAM-007 reads the same inputs for AdministratorAccess).
deny contains result.fail(m, [input_name, key], msg) if {
	some sub, spec in admin.iam_module_inputs
	some m in modules.submodule_calls("iam", sub)
	admin.creates_identity(m, spec)
	some input_name in spec.inputs
	some key, arn in object.get(m.config, input_name, {})
	is_string(arn)
	endswith(arn, ":iam::aws:policy/PowerUserAccess")
	msg := sprintf("%s attaches the AWS managed PowerUserAccess policy to the %s it creates, which %s", [m.address, spec.kind, power_user_grants])
}

power_user_grants := "allows every action except IAM, Organizations and Account management"

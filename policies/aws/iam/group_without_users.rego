# METADATA
# title: IAM group has no users
# description: |
#   No aws_iam_group_membership or aws_iam_user_group_membership in the module puts a user into
#   this group. An empty group with policies is unreviewed permission waiting to be handed out
#   by a single membership change; one without policies is clutter that hides what is really used.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html
# custom:
#   id: PAL-AWS-IAM-021
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_iam_group, aws_iam_group_membership, aws_iam_user_group_membership]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_14
#     kics: fc101ca7-c9dd-4198-a1eb-0fbe92e80044
#   remediation: Add the intended users to the group with aws_iam_group_membership or aws_iam_user_group_membership, or remove the group.
#   fixable: false
package palisade.aws.iam.group_without_users

import data.palisade.lib.iam_identity
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(group, [], msg) if {
	not membership_unresolved
	some group in tf.resources("aws_iam_group")
	not has_members(group)
	msg := sprintf("%s has no users", [group.address])
}

has_members(group) if {
	some m in tf.resources("aws_iam_group_membership")
	iam_identity.designates(m, ["group"], group)
	not empty_list(object.get(m.config, "users", null))
}

has_members(group) if {
	some m in tf.resources("aws_iam_user_group_membership")
	some i, _ in unknown.items(object.get(m.config, "groups", null))
	iam_identity.designates(m, ["groups", i], group)
}

empty_list(v) if v == []

empty_list(null)

# A membership whose group Palisade cannot tie to a group here may be this group's.
membership_unresolved if {
	some m in tf.resources("aws_iam_group_membership")
	unknown.is_unknown(object.get(m.config, "group", null))
	count(tf.references_to(m, ["group"], "aws_iam_group")) == 0
}

membership_unresolved if {
	some m in tf.resources("aws_iam_user_group_membership")
	unknown.is_unknown(object.get(m.config, "groups", null))
}

membership_unresolved if {
	some m in tf.resources("aws_iam_user_group_membership")
	some i, g in unknown.items(object.get(m.config, "groups", null))
	unknown.is_unknown(g)
	count(tf.references_to(m, ["groups", i], "aws_iam_group")) == 0
}

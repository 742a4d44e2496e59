# METADATA
# title: IAM policy allows iam:PassRole on any role
# description: |
#   iam:PassRole on Resource "*" lets the identity hand any role in the account, including
#   administrator roles, to a service it can use (EC2, Lambda, ECS, CloudFormation…), and so
#   act with that role's permissions: a classic privilege escalation path. Not reported when the
#   same document denies iam:PassRole on every resource without a condition. An Allow with
#   NotResource counts too: it grants every role except those listed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: PAL-AWS-IAM-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_110, CKV_AWS_286]
#   references:
#     kics: e39bee8c-fe54-4a3f-824d-e5e2d1cca40a
#   cwe: ["CWE-269"]
#   remediation: Limit iam:PassRole to the ARNs of the roles the workload passes, ideally with an iam:PassedToService condition.
#   fixable: false
package palisade.aws.iam.policy_passrole_wildcard

import data.palisade.lib.iam
import data.palisade.lib.result

# A bare "*" action is reported by policy_full_admin.
deny contains result.fail(st.resource, array.concat(st.path, ["Resource"]), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.allows_action(s, "iam:PassRole")
	not iam.allows_all_actions(s)
	iam.allows_all_resources(s)
	not iam.has_condition(s)
	not iam.cancelled(st, "iam:PassRole")
	not iam.scoped_by_deny(st, "iam:PassRole")
	msg := sprintf("%s allows iam:PassRole on every role", [st.resource.address])
}

# Round 31: NotResource in an Allow grants every role but the listed ones (Access Analyzer warns
# "Pass role with NotResource"); a bare "*" action is again left to policy_full_admin.
deny contains result.fail(st.resource, array.concat(st.path, ["NotResource"]), msg) if {
	some st in iam.identity_statements
	s := st.statement
	iam.allows_action(s, "iam:PassRole")
	not iam.allows_all_actions(s)
	iam.allows_all_but_listed_resources(s)
	not iam.has_condition(s)
	not iam.cancelled(st, "iam:PassRole")
	msg := sprintf("%s allows iam:PassRole on every role except those listed in NotResource", [st.resource.address])
}

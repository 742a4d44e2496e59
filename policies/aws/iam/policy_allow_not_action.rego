# METADATA
# title: IAM policy allows everything except a list of actions
# description: |
#   An Allow statement with NotAction grants every action of every service except the ones
#   listed, including actions AWS adds in the future. It is almost always far broader than
#   intended; allow-lists (Action) are the least-privilege form.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: PAL-AWS-IAM-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-269"]
#   remediation: Replace NotAction with an Action list of what is needed (use NotAction only in Deny statements).
#   fixable: false
package palisade.aws.iam.policy_allow_not_action

import data.palisade.lib.iam
import data.palisade.lib.result

deny contains result.fail(st.resource, array.concat(st.path, ["NotAction"]), msg) if {
	some st in iam.identity_statements
	iam.allows_all_but_listed(st.statement)
	not iam.expired(st.statement) # round 22: a date condition already past allows nothing
	msg := sprintf("%s allows every action except those listed in NotAction", [st.resource.address])
}

# METADATA
# title: SNS topic policy allows everything except a list of actions
# description: |
#   An Allow statement with NotAction grants every action not listed, including topic administration
#   actions (SetTopicAttributes, AddPermission, DeleteTopic) and any action added to the service
#   later. Topic policies should allow the specific actions (sns:Publish, sns:Subscribe) that their
#   principals need. A NotAction listing "sns:*" (or "*") leaves only other services' actions, which
#   do not act on a topic, and is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: PAL-AWS-SNS-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sns_topic_policy, aws_sns_topic]
#   frameworks: {}
#   references:
#     kics: 5ea624e4-c8b1-4bb3-87a4-4235a776adcc
#   cwe: ["CWE-732"]
#   remediation: Replace NotAction with an Action list of the actions the principals need.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sns.topic_policy_allow_not_action

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result

# One finding per policy, on the policy attribute; each NotAction statement is a related location.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in input.resources
	r.type in {"aws_sns_topic_policy", "aws_sns_topic"}
	entries := [e | some e in iam.statements(resource_policy.document(r.config.policy)); iam.allows_all_but_listed(e.statement); not iam.excludes_service(e.statement, "sns")]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["NotAction"])), "Allow with NotAction") | some e in entries]
	msg := sprintf("the policy of %s allows every action except those listed in NotAction", [r.address])
}

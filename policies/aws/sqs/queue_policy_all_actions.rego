# METADATA
# title: SQS queue policy allows all actions
# description: |
#   An Allow statement with Action "*" or "sqs:*" lets its principals not only send and receive
#   messages but also purge and delete the queue and change its policy and attributes. Queue
#   policies should allow only the actions (sqs:SendMessage, sqs:ReceiveMessage, …) each principal
#   needs. An Allow with NotAction is reported too: it grants every action but those listed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: PAL-AWS-SQS-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue, "module:terraform-aws-modules/sqs/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_72
#     trivy: AVD-AWS-0097
#     kics: 816ea8cf-d589-442d-a917-2dd0ce0e45e3
#   cwe: ["CWE-732"]
#   remediation: List the specific SQS actions the principals need instead of "*" or "sqs:*".
#   fixable: false
#   allow_unknown: true
package palisade.aws.sqs.queue_policy_all_actions

import data.palisade.lib.iam
import data.palisade.lib.modules
import data.palisade.lib.resource_policy
import data.palisade.lib.result

# One finding per policy, on the policy attribute; each wildcard statement is a related location.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in queue_holders
	entries := [e | some e in iam.statements(resource_policy.document(r.config.policy)); resource_policy.allows_all_actions_of(e.statement, "sqs")]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Action"])), "allows all actions") | some e in entries]
	msg := sprintf("the policy of %s allows all SQS actions", [r.address])
}

# Allow with NotAction grants every action but the listed ones (NotAction "sqs:Delete*" still
# allows purging the queue and changing its policy); reported when no statement allows "*" outright.
# A NotAction listing "sqs:*" leaves only other services' actions, which do not act on a queue.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in queue_holders
	statements := iam.statements(resource_policy.document(r.config.policy))
	not any_all_actions(statements)
	entries := [e | some e in statements; iam.allows_all_but_listed(e.statement); known_not_actions(e.statement); not iam.excludes_service(e.statement, "sqs")]
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["NotAction"])), "Allow with NotAction") | some e in entries]
	msg := sprintf("the policy of %s allows every action except those listed in NotAction", [r.address])
}

# Opaque terraform-aws-modules/sqs calls: queue_policy_statements (with create_queue_policy = true)
# whose unconditional statements allow every SQS action.
deny contains result.with_related(result.fail(m, ["queue_policy_statements"], msg), related) if {
	some m in modules.sqs_queues
	m.config.create_queue_policy == true
	entries := [e |
		some e in modules.statement_entries(m.config.queue_policy_statements)
		resource_policy.allows_all_actions_of(e.statement, "sqs")
	]
	count(entries) > 0
	related := [result.related(m, array.concat(["queue_policy_statements"], array.concat(e.path, ["actions"])), "allows all actions") | some e in entries]
	msg := sprintf("the policy of %s allows all SQS actions", [m.address])
}

# An unknown NotAction (or element) could be "*", which grants nothing: left alone.
known_not_actions(s) if {
	every a in iam.not_actions(s) {
		is_string(a)
	}
}

any_all_actions(statements) if {
	some e in statements
	resource_policy.allows_all_actions_of(e.statement, "sqs")
}

queue_holders := [r | some r in input.resources; r.type in {"aws_sqs_queue_policy", "aws_sqs_queue"}]

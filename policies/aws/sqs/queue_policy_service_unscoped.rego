# METADATA
# title: SQS queue policy lets an AWS service send messages on behalf of any account
# description: |
#   A queue policy statement allows an AWS service principal (sns.amazonaws.com, s3.amazonaws.com,
#   events.amazonaws.com, …) to send messages with no aws:SourceArn, aws:SourceAccount,
#   aws:SourceOrgID or aws:SourceOrgPaths condition. The service acts for every AWS customer, so
#   any other account can point its own topic subscription, bucket notification or rule at the
#   queue and have the service deliver to it (the cross-service confused deputy problem). AWS asks
#   for a source condition on every service principal in a resource-based policy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html
# custom:
#   id: PAL-AWS-SQS-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-441"]
#   remediation: Add a condition on aws:SourceArn (the topic, bucket or rule) or aws:SourceAccount (your account) to the statement.
#   fixable: false
#   allow_unknown: true
package palisade.aws.sqs.queue_policy_service_unscoped

# Cheap: one pass over the module's queue policies and their statements, nothing per resource.

import data.palisade.lib.iam
import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.unknown

# One finding per policy, on the policy attribute; the unscoped statements are related locations.
deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in policy_holders
	doc := resource_policy.document(r.config.policy)
	entries := [e |
		some e in iam.statements(doc)
		unscoped_service_grant(e.statement)
	]
	count(entries) > 0
	note := "service principal without a source condition"
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), note) | some e in entries]
	services := sort({s | some e in entries; some s in service_principals(e.statement)})
	why := "no aws:SourceArn or aws:SourceAccount condition"
	msg := sprintf("the policy of %s lets %s send messages for any account (%s)", [r.address, concat(", ", services), why])
}

policy_holders := [r | some r in input.resources; r.type in {"aws_sqs_queue_policy", "aws_sqs_queue"}]

# An Allow of sqs:SendMessage to a service principal that no condition ties to a source. Statements
# open to "*" are PAL-AWS-SQS-002's; an unreadable condition may scope the statement.
unscoped_service_grant(s) if {
	iam.is_allow(s)
	iam.allows_action(s, "sqs:SendMessage")
	count(service_principals(s)) > 0
	not iam.principal_is_public(s)
	not resource_policy.scoped(s)
}

# service_principals(s): the known service names of the statement's Principal.Service.
service_principals(s) := {p |
	is_object(s.Principal)
	some p in iam.as_list(object.get(s.Principal, "Service", []))
	is_string(p)
	not unknown.is_unknown(p)
}

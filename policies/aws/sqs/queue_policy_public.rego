# METADATA
# title: SQS queue policy allows anyone
# description: |
#   A queue policy statement allows actions to the principal "*" without conditions, so anyone can
#   send messages to the queue (injecting work for consumers) or read and delete its messages.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: PAL-AWS-SQS-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue]
#   frameworks: {}
#   references:
#     kics: 730675f9-52ed-49b6-8ead-0acb5dd7df7f
#   remediation: Name the principals, or restrict with conditions such as aws:SourceArn for service publishers.
#   fixable: false
package palisade.aws.sqs.queue_policy_public

import data.palisade.lib.iam
import data.palisade.lib.result

types := {"aws_sqs_queue_policy", "aws_sqs_queue"}

deny contains result.fail(r, path, msg) if {
	some r in input.resources
	r.type in types
	some entry in iam.public_statements(r.config.policy)
	path := array.concat(["policy"], array.concat(entry.path, ["Principal"]))
	msg := sprintf("the policy of %s grants access to anyone", [r.address])
}

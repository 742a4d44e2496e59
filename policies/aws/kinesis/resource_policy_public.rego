# METADATA
# title: Kinesis data stream or consumer resource policy allows anyone
# description: |
#   An Allow statement in an aws_kinesis_resource_policy whose principal is "*" (or {"AWS": "*"},
#   or an Allow with NotPrincipal) and that no condition scopes to an organization, account or
#   source lets principals of every AWS account act on the data stream or registered consumer:
#   read its records (GetRecords, SubscribeToShard), write records into it (PutRecord, PutRecords)
#   or, with broader actions, change it. Resource policies exist to share a stream with named
#   accounts (a cross-account Lambda function, a producer account), not with everyone.
# related_resources:
#   - ref: https://docs.aws.amazon.com/streams/latest/dev/resource-based-policy-examples.html
#   - ref: https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutResourcePolicy.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_resource_policy
# custom:
#   id: PAL-AWS-KINESIS-003
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_kinesis_resource_policy]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-732"]
#   remediation: Name the accounts or roles that read or write the stream, or scope the statement with aws:PrincipalOrgID.
#   fixable: false
#   allow_unknown: true
package palisade.aws.kinesis.resource_policy_public

# No fix: the consumers and producers are not in the configuration, and no principal the author
# named is removed. One finding per document, on policy; each open statement is related.

import data.palisade.lib.resource_policy
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.with_related(result.fail(r, ["policy"], msg), related) if {
	some r in tf.resources("aws_kinesis_resource_policy")
	entries := resource_policy.any_principal_statements(resource_policy.document(r.config.policy))
	count(entries) > 0
	related := [result.related(r, array.concat(["policy"], array.concat(e.path, ["Principal"])), "open to any principal") | some e in entries]
	msg := sprintf("the resource policy of %s allows %s to any principal", [r.address, concat(", ", [resource_policy.action_labels(e.statement) | some e in entries])])
}

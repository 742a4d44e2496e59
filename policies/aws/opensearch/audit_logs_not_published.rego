# METADATA
# title: OpenSearch domain with fine-grained access control publishes no audit logs
# description: |
#   Audit logs record who signed in to the domain, which requests the security plugin refused and,
#   as configured, who read or changed which index: the trail for investigating misuse of the
#   data. A domain with fine-grained access control that publishes other logs but no enabled
#   log_publishing_options block of log_type AUDIT_LOGS keeps none of it. AWS Security Hub asks
#   for audit logging as Opensearch.5. Audit logs need fine-grained access control, whose absence
#   is PAL-AWS-OPENSEARCH-008's; a domain that publishes no logs at all is PAL-AWS-OPENSEARCH-005's.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
# custom:
#   id: PAL-AWS-OPENSEARCH-021
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_317
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add a log_publishing_options block with log_type = "AUDIT_LOGS" and a CloudWatch Logs group
#     that a log resource policy lets es.amazonaws.com write to, then turn audit logging on in the
#     security plugin's settings.
#   fixable: false
package palisade.aws.opensearch.audit_logs_not_published

# Round 33 (Prowler opensearch_service_domains_audit_logging_enabled). No fix: the log group and
# the account's log resource policy are the owner's to choose, as for OPENSEARCH-005.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains result.fail(r, ["log_publishing_options"], msg) if {
	some r in input.resources
	r.type in types
	fine_grained(r)
	enabled := [b | some b in tf.blocks(r, "log_publishing_options"); not unknown.is_false(object.get(b, "enabled", true))]
	count(enabled) > 0
	not audit_or_unknown(enabled)
	msg := sprintf("%s has fine-grained access control but publishes no audit logs", [r.address])
}

fine_grained(r) if {
	some b in tf.blocks(r, "advanced_security_options")
	unknown.is_true(object.get(b, "enabled", false))
}

audit_or_unknown(blocks) if {
	some b in blocks
	unknown.is_unknown(object.get(b, "log_type", null))
}

audit_or_unknown(blocks) if {
	some b in blocks
	unknown.known_string(b.log_type) == "AUDIT_LOGS"
}

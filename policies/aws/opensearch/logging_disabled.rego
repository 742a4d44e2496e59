# METADATA
# title: OpenSearch domain publishes no logs
# description: |
#   Without an enabled log_publishing_options block the domain sends none of its error, slow-query
#   or audit logs to CloudWatch Logs, leaving no record for troubleshooting or for investigating who
#   queried or changed the data. Each disabled block is reported when no log type is enabled.
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html
# custom:
#   id: PAL-AWS-OPENSEARCH-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain, "module:terraform-aws-modules/opensearch/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_84
#     trivy: AVD-AWS-0042
#     kics: acb6b4e2-a086-4f35-aefd-4db6ea51ada2
#   cwe: ["CWE-778"]
#   remediation: Add a log_publishing_options block (e.g. AUDIT_LOGS or ES_APPLICATION_LOGS) with a CloudWatch log group and enabled = true.
#   fixable: false
package palisade.aws.opensearch.logging_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

domains := [r | some r in input.resources; r.type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}]

deny contains result.fail(r, ["log_publishing_options"], msg(r)) if {
	some r in domains
	tf.missing_attr(r, ["log_publishing_options"])
}

# Blocks are enabled unless enabled = false; report the disabled ones when none is on.
deny contains result.fail(r, ["log_publishing_options", i, "enabled"], msg(r)) if {
	some r in domains
	not any_enabled(r)
	some i, block in tf.blocks(r, "log_publishing_options")
	unknown.is_false(block.enabled)
}

# Opaque terraform-aws-modules/opensearch calls publish the slow logs by default
# (log_publishing_options); an empty list publishes none.
deny contains result.fail(m, ["log_publishing_options"], msg(m)) if {
	some m in modules.opensearch_domains
	m.config.log_publishing_options == []
}

any_enabled(r) if {
	some block in tf.blocks(r, "log_publishing_options")
	not unknown.is_false(object.get(block, "enabled", true))
}

msg(r) := sprintf("%s does not publish any logs to CloudWatch Logs", [r.address])

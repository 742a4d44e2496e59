# METADATA
# title: OpenSearch domain with fine-grained access control does not publish audit logs
# description: |
#   A domain that uses fine-grained access control can publish audit logs - authentication
#   successes and failures, requests refused by the security plugin, changes to indices and
#   security settings - to CloudWatch Logs, but only with a log_publishing_options block of
#   log_type AUDIT_LOGS that is not switched off. Without it there is no record of who signed in,
#   who was refused or who changed what in the cluster; AWS Security Hub (Opensearch.5) asks for
#   audit logging. A domain without fine-grained access control is not reported here: AWS refuses
#   audit logs for it, and PAL-AWS-OPENSEARCH-008 reports the missing access control. The fix adds
#   the AUDIT_LOGS block with the log group the domain already publishes another log type to, when
#   a CloudWatch Logs resource policy of the unit lets es.amazonaws.com write to that group
#   (otherwise the domain update is refused), or switches on an AUDIT_LOGS block that sets
#   enabled = false under the same conditions. The audit categories to record are then chosen in
#   OpenSearch Dashboards (the security plugin's audit configuration).
# related_resources:
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-5
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options
# custom:
#   id: PAL-AWS-OPENSEARCH-011
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_317
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn = <a log group
#     that a CloudWatch Logs resource policy lets es.amazonaws.com write to> }, then turn audit
#     logging on in OpenSearch Dashboards.
#   fixable: true
package palisade.aws.opensearch.audit_logs_disabled

# Reads PAL-AWS-OPENSEARCH-005's helpers (which log groups the configuration names, which log
# resource policies let OpenSearch write) so that both rules offer a fix under the same conditions.

import data.palisade.aws.opensearch.logging_disabled as logging
import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No AUDIT_LOGS block: reported on the fine-grained access control switch that makes audit logs
# possible. Every block's log_type must be known: a dynamic block fed from a variable may hold the
# audit logs.
deny contains fixes.finding(r, ["advanced_security_options", i, "enabled"], msg(r), add_ops(r)) if {
	some r in logging.domains
	some i, options in tf.blocks(r, "advanced_security_options")
	unknown.is_true(object.get(options, "enabled", false))
	not unknown.is_unknown(object.get(r.config, "log_publishing_options", []))
	every block in tf.blocks(r, "log_publishing_options") {
		is_string(object.get(block, "log_type", null))
	}
	not any_audit_block(r)
}

# An AUDIT_LOGS block that is switched off.
deny contains fixes.finding(r, path, msg(r), logging.enable_ops(r, block, path)) if {
	some r in logging.domains
	some options in tf.blocks(r, "advanced_security_options")
	unknown.is_true(object.get(options, "enabled", false))
	some i, block in tf.blocks(r, "log_publishing_options")
	block.log_type == "AUDIT_LOGS"
	unknown.is_false(block.enabled)
	not audit_on(r)
	path := ["log_publishing_options", i, "enabled"]
}

msg(r) := sprintf("%s has fine-grained access control but does not publish its audit logs to CloudWatch Logs", [r.address])

any_audit_block(r) if {
	some block in tf.blocks(r, "log_publishing_options")
	block.log_type == "AUDIT_LOGS"
}

# audit_on: an AUDIT_LOGS block not known to be off (enabled defaults to true).
audit_on(r) if {
	some block in tf.blocks(r, "log_publishing_options")
	block.log_type == "AUDIT_LOGS"
	not unknown.is_false(object.get(block, "enabled", true))
}

# add_ops: an AUDIT_LOGS block writing to the log group of a block that is on, when a log resource
# policy of the unit lets OpenSearch write to that group. The block is appended beside the others
# (result.append_block: add_block would merge it into the one block that is there).
add_ops(r) := [result.append_block([], "log_publishing_options", {"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": arns[0]})] if {
	arns := sort([arn |
		some i, block in tf.blocks(r, "log_publishing_options")
		not unknown.is_false(object.get(block, "enabled", true))
		group := logging.named_group(r, block, ["log_publishing_options", i])
		some policy in logging.service_policies
		logging.grants(policy, group)
		arn := group_arn(block, group)
	])
	count(arns) > 0
} else := []

group_arn(block, group) := block.cloudwatch_log_group_arn if group.name

group_arn(_, group) := result.expr(sprintf("%s.arn", [group.address])) if group.address

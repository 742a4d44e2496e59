# METADATA
# title: OpenSearch domain publishes no logs
# description: |
#   Without an enabled log_publishing_options block the domain sends none of its error, slow-query
#   or audit logs to CloudWatch Logs, leaving no record for troubleshooting or for investigating who
#   queried or changed the data. Each disabled block is reported when no log type is enabled. A
#   disabled block is switched on when what delivery needs is in place: its log group is one the
#   configuration names (a literal ARN, or a log group it declares once), and a CloudWatch Logs
#   resource policy of the unit lets es.amazonaws.com write (without one the domain update is
#   refused). Audit logs also need fine-grained access control, so an AUDIT_LOGS block is switched
#   on only where advanced_security_options is enabled. A domain with no block gets no fix: the
#   log group and the account's resource policy (at most 10 per region) are the owner's to choose.
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
#   remediation: Add an enabled log_publishing_options block with a log group that a log resource policy lets es.amazonaws.com write to.
#   fixable: true
package palisade.aws.opensearch.logging_disabled

import data.palisade.lib.fixes
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
deny contains fixes.finding(r, path, msg(r), enable_ops(r, block, path)) if {
	some r in domains
	not any_enabled(r)
	some i, block in tf.blocks(r, "log_publishing_options")
	path := ["log_publishing_options", i, "enabled"]
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

# enable_ops: switch the block on when delivery can work (see the description).
enable_ops(r, block, path) := [result.set(path, true)] if {
	group := named_group(r, block, path)
	some policy in service_policies
	grants(policy, group)
	audit_allowed(r, block)
} else := []

# named_group: {"address": a log group the configuration declares once} for a reference (not
# counted: an instance that may not exist would leave the ARN empty), {"name": n} for a literal ARN.
named_group(_, block, _) := {"name": m[1]} if {
	arn := unknown.known_string(object.get(block, "cloudwatch_log_group_arn", null))
	some m in regex.find_all_string_submatch_n(`^arn:[^:]+:logs:[^:]*:[0-9]*:log-group:([^:*]+)`, arn, 1)
}

named_group(r, _, path) := {"address": group.address} if {
	field := array.concat(array.slice(path, 0, 2), ["cloudwatch_log_group_arn"])
	some ref in tf.references_to(r, field, "aws_cloudwatch_log_group")
	some group in tf.resources("aws_cloudwatch_log_group")
	group.address == ref.target
	not group.index
	not group.unexpanded
}

# service_policies: the unit's log resource policies that name es.amazonaws.com, as
# {"text", "targets"}: the document as written (a string, a jsonencode'd object kept as structure
# or an unknown's expression all spell the principal literally) and what it references; a
# document from a policy document data source is read from that data source.
service_policies contains {"text": text, "targets": {ref.target | some ref in p.references}} if {
	some p in tf.resources("aws_cloudwatch_log_resource_policy")
	text := json.marshal(object.get(p.config, "policy_document", null))
	contains(text, "es.amazonaws.com")
}

service_policies contains {"text": text, "targets": {ref.target | some ref in object.get(d, "references", [])}} if {
	count(tf.resources("aws_cloudwatch_log_resource_policy")) > 0
	some d in tf.data_sources("aws_iam_policy_document")
	text := json.marshal(d.config)
	contains(text, "es.amazonaws.com")
	contains(text, "logs:PutLogEvents")
}

# grants(policy, group): the policy's resources take in the group: it references the group, names
# it, or is written for every log group (`*`, `arn:…:log-group:*`).
grants(policy, group) if group.address in policy.targets

grants(policy, group) if contains(policy.text, concat("", [":log-group:", group.name, ":"]))

# (A document written as a string is marshalled with its quotes escaped.) "arn:aws:logs:*" (the
# provider documentation's example) and "arn:aws:logs:<region>:<account>:*" take in every log
# group too: IAM's "*" in an ARN spans colons.
grants(policy, _) if regex.match(`\\?"(arn:[^"\\]*:log-group:\*|arn:[^:"\\]+:logs:\*|arn:[^:"\\]+:logs:[^:"\\]*:[^:"\\]*:\*)\\?"`, policy.text)

# A bare "*" counts only as a resource (`"Resource": "*"`, `"Resource": [..., "*"]`, a data
# source's `"resources": ["*"]`): an action or a condition value of "*" says nothing of log groups.
grants(policy, _) if regex.match(`(?i)\\?"resources?\\?"\s*:\s*(\[[^\]]*)?\\?"\*\\?"`, policy.text)

audit_allowed(_, block) if object.get(block, "log_type", "") != "AUDIT_LOGS"

audit_allowed(r, _) if {
	some options in tf.blocks(r, "advanced_security_options")
	unknown.is_true(object.get(options, "enabled", false))
}

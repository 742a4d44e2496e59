# METADATA
# title: MSK broker logs are not delivered anywhere
# description: |
#   Broker logs record client connections, authentication failures and broker errors. Unless
#   logging_info.broker_logs enables at least one destination (CloudWatch Logs, Kinesis Data
#   Firehose or S3) they are discarded, leaving no trail for troubleshooting or incident response.
#   Opaque terraform-aws-modules/msk-kafka-cluster calls (clowdhaus/msk-kafka-cluster before the
#   module moved) are judged by their cloudwatch_logs_enabled, firehose_logs_enabled and
#   s3_logs_enabled switches, all off unless set.
# related_resources:
#   - ref: https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html
# custom:
#   id: PAL-AWS-MSK-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_msk_cluster, "module:terraform-aws-modules/msk-kafka-cluster/aws", "module:clowdhaus/msk-kafka-cluster/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_80
#     kics: 2f56b7ab-7fba-4e93-82f0-247e5ddeb239
#     trivy: AVD-AWS-0074
#   cwe: ["CWE-778"]
#   remediation: >-
#     Enable a broker_logs destination (cloudwatch_logs, firehose or s3) with enabled = true. The fix
#     adds a logging_info block that sends the broker logs to a new CloudWatch log group (kept one
#     year, encrypted with a key of its own).
#   fixable: true
package palisade.aws.msk.broker_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

destinations := ["cloudwatch_logs", "firehose", "s3"]

deny contains fixes.finding(r, ["logging_info"], msg(r), log_group_ops(r)) if {
	some r in tf.resources("aws_msk_cluster")
	tf.missing_attr(r, ["logging_info"])
}

# No destination is enabled: report each one that is configured but off (or the empty broker_logs).
deny contains fixes.finding(r, path, msg(r), enable_ops(d, dest, path)) if {
	some b in broker_logs
	r := b.resource
	prefix := b.path
	logs := b.logs
	not any_enabled(logs)
	some d in destinations
	some k, dest in unknown.items(object.get(logs, d, []))
	unknown.not_true(object.get(dest, "enabled", null))
	path := array.concat(prefix, [d, k, "enabled"])
}

deny contains result.fail(r, prefix, msg(r)) if {
	some b in broker_logs
	r := b.resource
	prefix := b.path
	logs := b.logs
	every d in destinations {
		object.get(logs, d, null) == null
	}
}

# Opaque terraform-aws-modules/msk-kafka-cluster calls (the module was clowdhaus/msk-kafka-cluster
# before it moved, same inputs): the module writes broker_logs with one destination per switch,
# cloudwatch_logs_enabled, firehose_logs_enabled and s3_logs_enabled, all false unless set.
# Express brokers get no logging_info (they have no broker logs) and are left alone.
deny contains result.fail(m, ["cloudwatch_logs_enabled"], msg(m)) if {
	some m in msk_calls
	modules.creates(m, ["create"])
	instance_type := object.get(m.config, "broker_node_instance_type", "")
	is_string(instance_type)
	not startswith(lower(instance_type), "express")
	every switch in module_switches {
		unknown.is_false(object.get(m.config, switch, false))
	}
}

broker_logs contains {"resource": r, "path": path, "logs": logs} if {
	some r in tf.resources("aws_msk_cluster")
	some i, info in tf.blocks(r, "logging_info")
	some j, logs in unknown.items(object.get(info, "broker_logs", []))
	path := ["logging_info", i, "broker_logs", j]
}

any_enabled(logs) if {
	some d in destinations
	some dest in unknown.items(object.get(logs, d, []))
	not unknown.not_true(object.get(dest, "enabled", null))
}

# An unknown destination list may hold an enabled one.
any_enabled(logs) if {
	some d in destinations
	unknown.is_unknown(object.get(logs, d, null))
}

module_switches := ["cloudwatch_logs_enabled", "firehose_logs_enabled", "s3_logs_enabled"]

msk_calls := array.concat(modules.opaque_calls("msk-kafka-cluster"), [m |
	some m in object.get(input, "modules", [])
	not m.dir
	is_string(m.source)
	regex.match(`^(registry\.terraform\.io/)?clowdhaus/msk-kafka-cluster/aws$`, m.source)
])

msg(r) := sprintf("%s does not deliver broker logs to any destination", [r.address])

# The fix for a cluster without logging_info: broker logs to a new log group named after the
# cluster (fixes.new_log_group). MSK sends them through CloudWatch Logs' vended-log delivery, which
# adds the log group resource policy itself; the /aws/vendedlogs/ prefix is the one AWS recommends
# so that one policy covers every such group. name_prefix: a fixed name would collide when the
# configuration is applied twice in one account and region (workspaces). A cluster whose
# logging_info is there but off is left to its author: its log group or bucket may not exist.
log_group_ops(r) := array.concat(group, [result.add_block([], "logging_info", {"broker_logs": [{"cloudwatch_logs": [{
	"enabled": true,
	"log_group": result.expr(sprintf("aws_cloudwatch_log_group.%s.name", [name])),
}]}]})]) if {
	name := sprintf("%s_broker_logs", [r.name])
	group := fixes.new_log_group(r, name, {"name_prefix": sprintf("/aws/vendedlogs/msk/%s-", [r.name])})
} else := []

# A destination the author configured but left off is switched on when it names where the logs
# go: a log group or a Firehose stream (the guide's "You must create a destination resource
# before"; a name says the author did). S3 is left alone: delivery rewrites the bucket's policy
# and, for an SSE-KMS bucket, needs the key policy to allow the log delivery service, neither of
# which the finding shows.
destination_target := {"cloudwatch_logs": "log_group", "firehose": "delivery_stream"}

enable_ops(d, dest, path) := [result.set(path, true)] if {
	target := destination_target[d]
	not object.get(dest, target, null) in {null, ""}
} else := []

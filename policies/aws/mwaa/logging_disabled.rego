# METADATA
# title: MWAA environment does not send its Airflow logs to CloudWatch Logs
# description: |
#   MWAA sends only task logs to CloudWatch Logs unless logging_configuration turns the others on:
#   without scheduler, web server and worker logs there is no record of who used the Airflow UI
#   and API, of what the scheduler queued, or of what ran on the workers, whose disks are discarded
#   when they scale in. Task logs are on by default and reported only when switched off.
# related_resources:
#   - ref: https://docs.aws.amazon.com/mwaa/latest/userguide/monitoring-airflow.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment#logging_configuration
# custom:
#   id: PAL-AWS-MWAA-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_mwaa_environment]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_242, CKV_AWS_243, CKV_AWS_244]
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add logging_configuration with scheduler_logs, webserver_logs and worker_logs (and task_logs)
#     blocks, each enabled = true with a log_level (INFO unless set). MWAA creates the log groups
#     (airflow-<name>-<type>); the execution role needs the CloudWatch Logs permissions the MWAA
#     guide lists for them.
#   fixable: true
package palisade.aws.mwaa.logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The log types that are off unless configured (the provider's and the API's default), and the one
# that is on unless configured. dag_processing_logs (DAG file parsing) is left to the owner.
required := ["scheduler_logs", "webserver_logs", "worker_logs"]

# The Checkov id of each log type (docs/rules-authoring.md, "Peer ids per part"): MWAASchedulerLogsEnabled,
# MWAAWorkerLogsEnabled and MWAAWebserverLogsEnabled each read logging_configuration[0].<type>[0].enabled
# and fail when it is not true. No Checkov check reads task_logs, so no skip silences it.
peers := {
	"scheduler_logs": {"checkov": ["CKV_AWS_242"]},
	"worker_logs": {"checkov": ["CKV_AWS_243"]},
	"webserver_logs": {"checkov": ["CKV_AWS_244"]},
	"task_logs": {},
}

# No block at all (a dynamic one whose for_each is known to be empty included): one finding on the
# environment. The fix adds the block with the three types at INFO, and task_logs at INFO as MWAA
# does unasked, so that the block does not leave the task logs' setting to what the provider sends.
# UpdateEnvironment applies it in place; the log groups are MWAA's own.
deny contains result.with_peer_parts(finding, [peers[kind] | some kind in required]) if {
	some r in tf.resources("aws_mwaa_environment")
	count(tf.blocks(r, "logging_configuration")) == 0
	not unknown.is_unknown(object.get(r.config, "logging_configuration", []))
	finding := result.fail_fix(r, ["logging_configuration"], msg(r, required), [result.add_block([], "logging_configuration", all_on)])
}

# A block that leaves required types out: one finding on the block naming them all (findings of
# one rule on one path are one finding); the fix adds each as a sub-block with enabled = true (a
# `set` creates it; log_level defaults to INFO).
deny contains result.with_peer_parts(result.fail_fix(r, ["logging_configuration", i], msg(r, kinds), ops), [peers[kind] | some kind in kinds]) if {
	some r in tf.resources("aws_mwaa_environment")
	some i, logging in tf.blocks(r, "logging_configuration")
	kinds := [kind | some kind in required; absent(logging, kind)]
	count(kinds) > 0
	ops := [result.set(["logging_configuration", i, kind, 0, "enabled"], true) | some kind in kinds]
}

# A type switched off (task_logs included): one finding per type on its enabled, whose fix switches
# it on and keeps the log_level written.
deny contains result.with_peers(result.fail_fix(r, path, msg(r, [kind]), [result.set(path, true)]), peers[kind]) if {
	some r in tf.resources("aws_mwaa_environment")
	some i, logging in tf.blocks(r, "logging_configuration")
	some kind in array.concat(required, ["task_logs"])
	some j, entry in unknown.items(object.get(logging, kind, []))
	unknown.is_false(object.get(entry, "enabled", null))
	path := ["logging_configuration", i, kind, j, "enabled"]
}

absent(logging, kind) if {
	count(unknown.items(object.get(logging, kind, []))) == 0
	not unknown.is_unknown(object.get(logging, kind, []))
}

msg(r, kinds) := sprintf("%s does not send %s to CloudWatch Logs", [r.address, concat(", ", kinds)])

all_on[kind] := [{"enabled": true, "log_level": "INFO"}] if {
	some kind in array.concat(required, ["task_logs"])
}

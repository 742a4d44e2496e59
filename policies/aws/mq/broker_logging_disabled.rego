# METADATA
# title: Amazon MQ broker does not publish general and audit logs
# description: |
#   Without general logs (and, for ActiveMQ, audit logs) in CloudWatch Logs there is no record of
#   broker activity or of management actions taken through the web console and APIs, which hampers
#   incident investigation. RabbitMQ brokers only support general logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html
# custom:
#   id: PAL-AWS-MQ-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_mq_broker]
#   frameworks: {}
#   references:
#     checkov: [CKV_AWS_48, CKV_AWS_197]
#     trivy: [AVD-AWS-0070, AVD-AWS-0071]
#     kics: 31245f98-a6a9-4182-9fc1-45482b9d030a
#   cwe: ["CWE-778"]
#   remediation: Add a logs block with general = true (and audit = true for ActiveMQ).
#   fixable: true
package palisade.aws.mq.broker_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The peers' ids of each kind of log (docs/rules-authoring.md, "Peer ids per part"): Checkov's
# MQBrokerLogging and Trivy's enable-general-logging read logs.general; MQBrokerAuditLogging and
# enable-audit-logging read logs.audit; the KICS query reads both.
peers := {
	"general": {"checkov": ["CKV_AWS_48"], "trivy": ["AVD-AWS-0071"], "kics": ["31245f98-a6a9-4182-9fc1-45482b9d030a"]},
	"audit": {"checkov": ["CKV_AWS_197"], "trivy": ["AVD-AWS-0070"], "kics": ["31245f98-a6a9-4182-9fc1-45482b9d030a"]},
}

# No logs block: every kind is off, so a comment silences it only when each kind is named.
deny contains result.with_peer_parts(finding, [peers[kind] | some kind in kinds(r)]) if {
	some r in tf.resources("aws_mq_broker")
	tf.missing_attr(r, ["logs"])
	msg := sprintf("%s does not publish broker logs to CloudWatch Logs", [r.address])
	finding := result.fail_fix(r, ["logs"], msg, [result.add_block([], "logs", wanted(r))])
}

deny contains result.with_peers(result.fail_fix(r, path, msg, [result.set(path, true)]), peers[kind]) if {
	some r in tf.resources("aws_mq_broker")
	some i, block in tf.blocks(r, "logs")
	some kind in kinds(r)
	unknown.not_true(object.get(block, kind, null))
	path := ["logs", i, kind]
	msg := sprintf("%s does not publish %s logs", [r.address, kind])
}

# RabbitMQ brokers have no audit log.
kinds(r) := ["general"] if lower(object.get(r.config, "engine_type", "")) == "rabbitmq"

else := ["general", "audit"]

wanted(r) := {kind: true | some kind in kinds(r)}

package palisade.aws.mq.broker_logging_disabled_test

import data.palisade.aws.mq.broker_logging_disabled as rule

no_logs := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "ActiveMQ"}, "references": []}]}

partial := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "ActiveMQ", "logs": [{"general": true, "audit": false}]}, "references": []}]}

rabbit := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "RabbitMQ", "logs": [{"general": true}]}, "references": []}]}

unknown_logs := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "ActiveMQ", "logs": {"$unknown": "var.logs"}}, "references": []}]}

unknown_flag := {"resources": [{"address": "aws_mq_broker.this", "type": "aws_mq_broker", "name": "this", "config": {"engine_type": "ActiveMQ", "logs": [{"general": true, "audit": {"$unknown": "var.audit"}}]}, "references": []}]}

test_missing_logs_fires if {
	rule.deny == {{"msg": "aws_mq_broker.this does not publish broker logs to CloudWatch Logs", "resource": "aws_mq_broker.this", "path": ["logs"], "fix": [{"op": "add_block", "path": [], "type": "logs", "config": {"general": true, "audit": true}}], "peers": [rule.peers.general, rule.peers.audit]}} with input as no_logs
}

test_audit_off_fires if {
	rule.deny == {{"msg": "aws_mq_broker.this does not publish audit logs", "resource": "aws_mq_broker.this", "path": ["logs", 0, "audit"], "fix": [{"op": "set", "path": ["logs", 0, "audit"], "value": true}], "peers": [rule.peers.audit]}} with input as partial
}

test_rabbitmq_general_only_passes if {
	count(rule.deny) == 0 with input as rabbit
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_logs
	count(rule.deny) == 0 with input as unknown_flag
}

# general is Checkov's CKV_AWS_48 and Trivy's AVD-AWS-0071, audit CKV_AWS_197 and AVD-AWS-0070.
test_peer_ids_per_kind if {
	rule.peers.general.checkov == ["CKV_AWS_48"]
	rule.peers.general.trivy == ["AVD-AWS-0071"]
	rule.peers.audit.checkov == ["CKV_AWS_197"]
	rule.peers.audit.trivy == ["AVD-AWS-0070"]
}

test_rabbitmq_without_logs_names_general_only if {
	rabbit_no_logs := json.patch(no_logs, [{"op": "add", "path": "/resources/0/config/engine_type", "value": "RabbitMQ"}])
	some f in rule.deny with input as rabbit_no_logs
	f.peers == [rule.peers.general]
}

package palisade.aws.msk.broker_logging_disabled_test

import data.palisade.aws.msk.broker_logging_disabled as rule

bad := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false, "log_group": "g"}]}]}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false}], "s3": [{"enabled": true, "bucket": "b"}]}]}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": {"$unknown": "var.x"}}]}]}]}, "references": []}]}

unknown_2 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": false}], "firehose": {"$unknown": "var.x"}}]}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_msk_cluster.this", "type": "aws_msk_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	{[f.msg, f.resource, f.path] | some f in rule.deny} == {["aws_msk_cluster.this does not deliver broker logs to any destination", "aws_msk_cluster.this", ["logging_info", 0, "broker_logs", 0, "cloudwatch_logs", 0, "enabled"]]} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
	count(rule.deny) == 0 with input as unknown_2
}

msk_call(source, config) := {"address": "module.msk_cluster", "source": source, "config": config}

# terraform-aws-dms's example: a clowdhaus/msk-kafka-cluster (the module's former home) call that
# enables no broker log destination.
test_module_call_without_log_destination_fires if {
	config := {"name": "dms", "broker_node_instance_type": "kafka.t3.small", "encryption_in_transit_client_broker": "TLS"}
	rule.deny == {{"msg": "module.msk_cluster does not deliver broker logs to any destination", "resource": "module.msk_cluster", "path": ["cloudwatch_logs_enabled"]}} with input as {"resources": [], "modules": [msk_call("clowdhaus/msk-kafka-cluster/aws", config)]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [msk_call("terraform-aws-modules/msk-kafka-cluster/aws", object.union(config, {"s3_logs_enabled": false}))]}
}

test_module_call_with_a_destination_unknown_express_or_disabled_passes if {
	base := {"broker_node_instance_type": "kafka.m5.large"}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [msk_call("terraform-aws-modules/msk-kafka-cluster/aws", object.union(base, {"cloudwatch_logs_enabled": true}))]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [msk_call("terraform-aws-modules/msk-kafka-cluster/aws", object.union(base, {"firehose_logs_enabled": {"$unknown": "var.firehose"}}))]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [msk_call("terraform-aws-modules/msk-kafka-cluster/aws", {"broker_node_instance_type": "express.m7g.large"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [msk_call("terraform-aws-modules/msk-kafka-cluster/aws", object.union(base, {"create": false}))]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [msk_call("someone/msk-kafka-cluster/aws", base)]}
}

test_fix_sends_broker_logs_to_a_new_log_group if {
	r := {"address": "aws_msk_cluster.events", "type": "aws_msk_cluster", "name": "events", "config": {"cluster_name": "events"}, "references": []}
	some f in rule.deny with input as {"resources": [r]}
	groups := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_cloudwatch_log_group"]
	[group] := groups
	group.name == "events_broker_logs"
	group.config.retention_in_days == 365
	some block in f.fix
	block.op == "add_block"
	block.config.broker_logs[0].cloudwatch_logs[0].enabled == true
}

# One instance of a counted cluster: one new log group would serve every instance.
test_no_fix_for_a_counted_cluster if {
	r := {"address": "aws_msk_cluster.events[0]", "type": "aws_msk_cluster", "name": "events", "index": 0, "config": {"cluster_name": "events"}, "references": []}
	some f in rule.deny with input as {"resources": [r]}
	not f.fix
}

on_off(dest) := {"resources": [{"address": "aws_msk_cluster.events", "type": "aws_msk_cluster", "name": "events", "references": [], "config": {"logging_info": [{"broker_logs": [dest]}]}}]}

# A destination that names its log group or stream is switched on; an S3 one, or one with no
# target, is not.
test_fix_enables_a_named_destination if {
	some f in rule.deny with input as on_off({"cloudwatch_logs": [{"enabled": false, "log_group": "msk"}]})
	f.fix == [{"op": "set", "path": ["logging_info", 0, "broker_logs", 0, "cloudwatch_logs", 0, "enabled"], "value": true}]
	some g in rule.deny with input as on_off({"firehose": [{"delivery_stream": "msk"}]})
	count(g.fix) == 1
}

test_no_fix_for_s3_or_an_unnamed_destination if {
	some f in rule.deny with input as on_off({"s3": [{"enabled": false, "bucket": "logs"}]})
	not f.fix
	some g in rule.deny with input as on_off({"cloudwatch_logs": [{"enabled": false}]})
	not g.fix
}

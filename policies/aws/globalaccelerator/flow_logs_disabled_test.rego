package palisade.aws.globalaccelerator.flow_logs_disabled_test

import data.palisade.aws.globalaccelerator.flow_logs_disabled as rule

accelerator(config) := {"resources": [{
	"address": "aws_globalaccelerator_accelerator.a", "type": "aws_globalaccelerator_accelerator", "name": "a", "references": [],
	"config": object.union({"name": "a", "ip_address_type": "IPV4", "enabled": true}, config),
}]}

test_no_attributes_block if {
	rule.deny == {{"msg": "aws_globalaccelerator_accelerator.a records no flow logs", "resource": "aws_globalaccelerator_accelerator.a", "path": ["attributes"]}} with input as accelerator({})
}

test_flow_logs_unset_or_off if {
	rule.deny == {{
		"msg": "aws_globalaccelerator_accelerator.a records no flow logs", "resource": "aws_globalaccelerator_accelerator.a",
		"path": ["attributes", 0, "flow_logs_enabled"],
		"fix": [{"op": "set", "path": ["attributes", 0, "flow_logs_enabled"], "value": true}],
	}} with input as accelerator({"attributes": [{"flow_logs_s3_bucket": "logs", "flow_logs_s3_prefix": "ga/"}]})
	count(rule.deny) == 1 with input as accelerator({"attributes": [{"flow_logs_enabled": false}]})
	count(rule.deny) == 1 with input as accelerator({"attributes": [{"flow_logs_enabled": "false", "flow_logs_s3_bucket": {"$unknown": "var.bucket"}}]})
}

# Only a block that names both the bucket and the prefix is switched on: the API requires both.
test_fix_needs_bucket_and_prefix if {
	[f] := [f | some f in rule.deny] with input as accelerator({"attributes": [{"flow_logs_enabled": false, "flow_logs_s3_bucket": {"$unknown": "var.bucket"}, "flow_logs_s3_prefix": "ga/"}]})
	f.fix == [{"op": "set", "path": ["attributes", 0, "flow_logs_enabled"], "value": true}]
	[g] := [g | some g in rule.deny] with input as accelerator({"attributes": [{"flow_logs_enabled": false, "flow_logs_s3_bucket": "logs"}]})
	not g.fix
	[h] := [h | some h in rule.deny] with input as accelerator({"attributes": [{"flow_logs_enabled": false, "flow_logs_s3_bucket": "logs", "flow_logs_s3_prefix": ""}]})
	not h.fix
}

test_enabled_or_unknown_passes if {
	count(rule.deny) == 0 with input as accelerator({"attributes": [{"flow_logs_enabled": true, "flow_logs_s3_bucket": "logs"}]})
	count(rule.deny) == 0 with input as accelerator({"attributes": [{"flow_logs_enabled": {"$unknown": "var.logs"}}]})
	count(rule.deny) == 0 with input as accelerator({"attributes": {"$unknown": "var.attributes"}})
}

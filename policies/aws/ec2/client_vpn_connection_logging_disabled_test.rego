package palisade.aws.ec2.client_vpn_connection_logging_disabled_test

import data.palisade.aws.ec2.client_vpn_connection_logging_disabled as rule

endpoint(options) := {"address": "aws_ec2_client_vpn_endpoint.vpn", "type": "aws_ec2_client_vpn_endpoint", "name": "vpn", "references": [], "config": {"client_cidr_block": "172.16.0.0/16", "connection_log_options": options}}

msg := "aws_ec2_client_vpn_endpoint.vpn does not log client connections"

# The added log group is kept a year and encrypted with a key CloudWatch Logs may use (the key
# and its policy document are fixes.new_log_group's, tested in the lib and with PAL-AWS-CLOUDWATCH-001).
test_disabled_without_group_adds_one if {
	some f in rule.deny with input as {"resources": [endpoint([{"enabled": false}])]}
	f.msg == msg
	f.path == ["connection_log_options", 0, "enabled"]
	[[op.op, object.get(op, "type", ""), object.get(op, "name", "")] | some op in f.fix] == [
		["add_data", "aws_caller_identity", "current"],
		["add_data", "aws_region", "current"],
		["add_data", "aws_iam_policy_document", "vpn_key"],
		["add_resource", "aws_kms_key", "vpn_key"],
		["add_resource", "aws_cloudwatch_log_group", "vpn"],
		["set", "", ""],
		["set", "", ""],
	]
	f.fix[4].config == {"name": "/aws/client-vpn/vpn", "retention_in_days": 365, "kms_key_id": {"$expr": "aws_kms_key.vpn_key.arn"}}
	f.fix[5] == {"op": "set", "path": ["connection_log_options", 0, "enabled"], "value": true}
	f.fix[6] == {"op": "set", "path": ["connection_log_options", 0, "cloudwatch_log_group"], "value": {"$expr": "aws_cloudwatch_log_group.vpn.name"}}
}

test_disabled_with_group_only_turns_it_on if {
	[f.fix | some f in rule.deny] == [[{"op": "set", "path": ["connection_log_options", 0, "enabled"], "value": true}]] with input as {"resources": [endpoint([{"enabled": false, "cloudwatch_log_group": {"$unknown": "aws_cloudwatch_log_group.vpn.name"}}])]}
	[f.fix | some f in rule.deny] == [[{"op": "set", "path": ["connection_log_options", 0, "enabled"], "value": true}]] with input as {"resources": [endpoint([{"enabled": false, "cloudwatch_log_group": "vpn-logs"}])]}
}

# No fix when a log group of the endpoint's name exists (the new one would clash) or the endpoint
# is one of several instances; the finding stays.
test_no_fix_when_the_group_cannot_be_added if {
	group := {"address": "aws_cloudwatch_log_group.vpn", "type": "aws_cloudwatch_log_group", "name": "vpn", "references": [], "config": {"name": "other"}}
	[object.get(f, "fix", "none") | some f in rule.deny] == ["none"] with input as {"resources": [endpoint([{"enabled": false}]), group]}
	indexed := object.union(endpoint([{"enabled": false}]), {"address": "aws_ec2_client_vpn_endpoint.vpn[0]", "index": 0})
	[object.get(f, "fix", "none") | some f in rule.deny] == ["none"] with input as {"resources": [indexed]}
}

test_enabled_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [endpoint([{"enabled": true, "cloudwatch_log_group": "vpn-logs"}])]}
	count(rule.deny) == 0 with input as {"resources": [endpoint([{"enabled": {"$unknown": "var.log"}}])]}
	count(rule.deny) == 0 with input as {"resources": [endpoint({"$unknown": "local.options"})]}
}

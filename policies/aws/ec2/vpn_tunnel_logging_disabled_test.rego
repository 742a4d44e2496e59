package palisade.aws.ec2.vpn_tunnel_logging_disabled_test

import data.palisade.aws.ec2.vpn_tunnel_logging_disabled as rule

vpn(extra) := {"address": "aws_vpn_connection.v", "type": "aws_vpn_connection", "name": "v", "references": [], "config": object.union({"customer_gateway_id": "cgw-1", "type": "ipsec.1"}, extra)}

logs(enabled) := [{"cloudwatch_log_options": [{"log_enabled": enabled, "log_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:vpn"}]}]

test_no_log_options_fires_once_for_both_tunnels if {
	[[f.msg, f.path] | some f in rule.deny] == [["aws_vpn_connection.v does not log tunnel 1 or 2 to CloudWatch Logs", ["tunnel1_log_options"]]] with input as {"resources": [vpn({})]}
}

test_one_tunnel_logged_fires_for_the_other if {
	[[f.msg, f.path] | some f in rule.deny] == [["aws_vpn_connection.v does not log tunnel 2 to CloudWatch Logs", ["tunnel2_log_options"]]] with input as {"resources": [vpn({"tunnel1_log_options": logs(true)})]}
}

test_log_enabled_false_or_missing_fires if {
	[f.path | some f in rule.deny] == [["tunnel2_log_options", 0, "cloudwatch_log_options", 0, "log_enabled"]] with input as {"resources": [vpn({"tunnel1_log_options": logs(true), "tunnel2_log_options": logs(false)})]}
	[f.path | some f in rule.deny] == [["tunnel1_log_options", 0, "cloudwatch_log_options", 0, "log_enabled"]] with input as {"resources": [vpn({"tunnel1_log_options": [{"cloudwatch_log_options": [{}]}], "tunnel2_log_options": logs(true)})]}
	[f.path | some f in rule.deny] == [["tunnel1_log_options", 0, "cloudwatch_log_options"]] with input as {"resources": [vpn({"tunnel1_log_options": [{}], "tunnel2_log_options": logs("true")})]}
}

test_both_logged_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [vpn({"tunnel1_log_options": logs(true), "tunnel2_log_options": logs("true")})]}
	count(rule.deny) == 0 with input as {"resources": [vpn({"tunnel1_log_options": logs(true), "tunnel2_log_options": logs({"$unknown": "var.log"})})]}
	count(rule.deny) == 0 with input as {"resources": [vpn({"tunnel1_log_options": {"$unknown": "local.log"}, "tunnel2_log_options": [{"cloudwatch_log_options": {"$unknown": "local.cw"}}]})]}
}

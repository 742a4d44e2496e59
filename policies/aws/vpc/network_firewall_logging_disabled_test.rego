package palisade.aws.vpc.network_firewall_logging_disabled_test

import data.palisade.aws.vpc.network_firewall_logging_disabled as rule

firewall := {"address": "aws_networkfirewall_firewall.main", "type": "aws_networkfirewall_firewall", "name": "main", "config": {"name": "main"}, "references": []}

logging(target, value) := {"address": "aws_networkfirewall_logging_configuration.main", "type": "aws_networkfirewall_logging_configuration", "name": "main", "config": {"firewall_arn": value}, "references": [{"path": ["firewall_arn"], "target": target}]}

test_firewall_without_logging_fires_with_a_fix if {
	[f] := [f | some f in rule.deny] with input as {"resources": [firewall]}
	f.resource == "aws_networkfirewall_firewall.main"
	f.path == []
	f.msg == "aws_networkfirewall_firewall.main has no logging configuration (no alert or flow logs)"
	[config] := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_networkfirewall_logging_configuration"]
	config.config.firewall_arn == {"$expr": "aws_networkfirewall_firewall.main.arn"}
	config.config.logging_configuration[0].log_destination_config[0].log_type == "ALERT"
	[group] := [op | some op in f.fix; op.op == "add_resource"; op.type == "aws_cloudwatch_log_group"]
	group.name == "main_alerts"
}

test_logged_firewall_passes if {
	count(rule.deny) == 0 with input as {"resources": [firewall, logging("aws_networkfirewall_firewall.main", {"$unknown": "aws_networkfirewall_firewall.main.arn"})]}
}

test_unresolved_logging_configuration_may_be_this_firewalls if {
	lc := {"address": "aws_networkfirewall_logging_configuration.main", "type": "aws_networkfirewall_logging_configuration", "name": "main", "config": {"firewall_arn": {"$unknown": "var.firewall_arn"}}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [firewall, lc]}
}

test_logging_of_another_firewall_does_not_count if {
	count(rule.deny) == 1 with input as {"resources": [firewall, logging("aws_networkfirewall_firewall.other", {"$unknown": "aws_networkfirewall_firewall.other.arn"})]}
}

test_counted_firewall_gets_no_fix if {
	counted := object.union(firewall, {"address": "aws_networkfirewall_firewall.main[0]", "index": 0})
	[f] := [f | some f in rule.deny] with input as {"resources": [counted]}
	not f.fix
}

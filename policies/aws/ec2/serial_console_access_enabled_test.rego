package palisade.aws.ec2.serial_console_access_enabled_test

import data.palisade.aws.ec2.serial_console_access_enabled as rule

access(config) := {"resources": [{
	"address": "aws_ec2_serial_console_access.this", "type": "aws_ec2_serial_console_access", "name": "this",
	"references": [], "config": config,
}]}

finding := {
	"msg": "aws_ec2_serial_console_access.this turns on EC2 serial console access for the account",
	"resource": "aws_ec2_serial_console_access.this", "path": ["enabled"],
	"fix": [{"op": "set", "path": ["enabled"], "value": false}],
}

test_fires_when_enabled_or_unset if {
	rule.deny == {finding} with input as access({"enabled": true})
	rule.deny == {finding} with input as access({})
}

test_passes_when_disabled if {
	count(rule.deny) == 0 with input as access({"enabled": false})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as access({"enabled": {"$unknown": "var.serial_console"}})
}

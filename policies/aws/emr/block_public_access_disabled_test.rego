package palisade.aws.emr.block_public_access_disabled_test

import data.palisade.aws.emr.block_public_access_disabled as rule

bpa(config) := {"resources": [{"address": "aws_emr_block_public_access_configuration.this", "type": "aws_emr_block_public_access_configuration", "name": "this", "config": config, "references": []}]}

test_off_fires if {
	rule.deny == {{"msg": "aws_emr_block_public_access_configuration.this turns off EMR block public access (block_public_security_group_rules = false)", "resource": "aws_emr_block_public_access_configuration.this", "path": ["block_public_security_group_rules"], "fix": [{"op": "set", "path": ["block_public_security_group_rules"], "value": true}]}} with input as bpa({"block_public_security_group_rules": false})
}

test_on_and_unknown_pass if {
	count(rule.deny) == 0 with input as bpa({"block_public_security_group_rules": true})
	count(rule.deny) == 0 with input as bpa({"block_public_security_group_rules": {"$unknown": "var.block"}})
}

exception(low, high) := {"block_public_security_group_rules": true, "permitted_public_security_group_rule_range": [{"min_range": low, "max_range": high}]}

# An exception range that takes in more than SSH undoes the setting for those ports.
test_wide_exception_range_fires if {
	rule.deny == {{"msg": "aws_emr_block_public_access_configuration.this lets clusters launch with FTP (21), FTP data (20) open to the internet (permitted_public_security_group_rule_range 0-22)", "resource": "aws_emr_block_public_access_configuration.this", "path": ["permitted_public_security_group_rule_range", 0]}} with input as bpa(exception(0, 22))
	count(rule.deny) == 1 with input as bpa(exception(0, 65535))
	count(rule.deny) == 1 with input as bpa(exception(8088, 8088))
}

test_ssh_or_https_exception_passes if {
	count(rule.deny) == 0 with input as bpa(exception(22, 22))
	count(rule.deny) == 0 with input as bpa(exception(443, 443))
	count(rule.deny) == 0 with input as bpa(exception({"$unknown": "var.min"}, 65535))
}

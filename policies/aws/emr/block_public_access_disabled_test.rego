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

package palisade.aws.ec2.ebs_default_encryption_disabled_test

import data.palisade.aws.ec2.ebs_default_encryption_disabled as rule

setting(v) := {"address": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "name": "this", "config": {"enabled": v}, "references": []}

test_disabled_fires if {
	rule.deny == {{
		"msg": "aws_ebs_encryption_by_default.this disables EBS encryption by default", "resource": "aws_ebs_encryption_by_default.this", "path": ["enabled"],
		"fix": [{"op": "set", "path": ["enabled"], "value": true}],
	}} with input as {"resources": [setting(false)]}
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as {"resources": [setting(true)]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [setting({"$unknown": "var.enc"})]}
}

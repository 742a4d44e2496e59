package palisade.aws.ec2.ebs_volume_unencrypted_test

import data.palisade.aws.ec2.ebs_volume_unencrypted as rule

volume(config) := {"address": "aws_ebs_volume.data", "type": "aws_ebs_volume", "name": "data", "config": object.union({"availability_zone": "eu-west-1a", "size": 10}, config), "references": []}

test_unencrypted_fires if {
	rule.deny == {{
		"msg": "aws_ebs_volume.data is not encrypted", "resource": "aws_ebs_volume.data", "path": ["encrypted"],
		"fix": [{"op": "set", "path": ["encrypted"], "value": true}],
	}} with input as {"resources": [volume({})]}
}

test_encrypted_passes if {
	count(rule.deny) == 0 with input as {"resources": [volume({"encrypted": true})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [volume({"encrypted": {"$unknown": "var.enc"}})]}
}

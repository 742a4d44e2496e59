package palisade.aws.ec2.ami_unencrypted_test

import data.palisade.aws.ec2.ami_unencrypted as rule

copy(config) := {"address": "aws_ami_copy.c", "type": "aws_ami_copy", "name": "c", "config": object.union({"name": "copy", "source_ami_id": "ami-0123456789abcdef0", "source_ami_region": "eu-west-1"}, config), "references": []}

ami(devices) := {"address": "aws_ami.a", "type": "aws_ami", "name": "a", "config": {"name": "a", "root_device_name": "/dev/xvda", "ebs_block_device": devices}, "references": []}

default_encryption := {"address": "aws_ebs_encryption_by_default.d", "type": "aws_ebs_encryption_by_default", "name": "d", "config": {"enabled": true}, "references": []}

test_copy_fires if {
	rule.deny == {{"msg": "aws_ami_copy.c copies the AMI without encrypted = true, so a copy of an unencrypted image stays unencrypted", "resource": "aws_ami_copy.c", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [copy({})]}
	count(rule.deny) == 1 with input as {"resources": [copy({"encrypted": false})]}
}

test_blank_device_fires if {
	devices := [{"device_name": "/dev/xvda", "snapshot_id": "snap-0123456789abcdef0"}, {"device_name": "/dev/xvdb", "volume_size": 20, "encrypted": false}]
	rule.deny == {{"msg": "aws_ami.a maps a blank EBS volume (/dev/xvdb) without encrypted = true", "resource": "aws_ami.a", "path": ["ebs_block_device", 1, "encrypted"], "fix": [{"op": "set", "path": ["ebs_block_device", 1, "encrypted"], "value": true}]}} with input as {"resources": [ami(devices)]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [copy({"encrypted": true})]}
	count(rule.deny) == 0 with input as {"resources": [copy({}), default_encryption]}
	count(rule.deny) == 0 with input as {"resources": [ami([{"device_name": "/dev/xvda", "snapshot_id": "snap-0123456789abcdef0"}])]}
	count(rule.deny) == 0 with input as {"resources": [ami([{"device_name": "/dev/xvdb", "volume_size": 20, "encrypted": true}])]}
	count(rule.deny) == 0 with input as {"resources": [ami([{"device_name": "/dev/xvdb", "volume_size": 20}]), default_encryption]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [copy({"encrypted": {"$unknown": "var.encrypted"}})]}
	count(rule.deny) == 0 with input as {"resources": [ami([{"device_name": "/dev/xvdb", "snapshot_id": {"$unknown": "var.snapshot"}}])]}
	count(rule.deny) == 0 with input as {"resources": [ami([{"device_name": "/dev/xvdb", "encrypted": {"$unknown": "var.encrypted"}}])]}
}

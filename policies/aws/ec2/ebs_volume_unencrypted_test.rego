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

test_opaque_module_ebs_volumes_without_encryption_fire if {
	ec2 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"ebs_volumes": {"/dev/sdf": {"size": 10}, "/dev/sdg": {"size": 10, "encrypted": true}, "/dev/sdh": {"snapshot_id": "snap-1"}}}}
	rule.deny == {{
		"msg": "module.ec2 creates the EBS volume \"/dev/sdf\" unencrypted", "resource": "module.ec2", "path": ["ebs_volumes", "/dev/sdf", "encrypted"],
		"fix": [{"op": "set", "path": ["ebs_volumes", "/dev/sdf", "encrypted"], "value": true}],
	}} with input as {"resources": [], "modules": [ec2]}
	off := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"create": false, "ebs_volumes": {"/dev/sdf": {"size": 10}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

# A pass-through snapshot_id = null (or "") restores nothing.
test_null_or_empty_snapshot_id_still_fires if {
	count(rule.deny) == 1 with input as {"resources": [volume({"snapshot_id": null})]}
	count(rule.deny) == 1 with input as {"resources": [volume({"snapshot_id": ""})]}
}

package palisade.aws.ec2.instance_volume_unencrypted_test

import data.palisade.aws.ec2.instance_volume_unencrypted as rule

instance(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": config, "references": []}

test_unencrypted_root_fires if {
	rule.deny == {{
		"msg": "aws_instance.web has an unencrypted block device", "resource": "aws_instance.web",
		"path": ["root_block_device", 0, "encrypted"],
		"fix": [{"op": "set", "path": ["root_block_device", 0, "encrypted"], "value": true}],
	}} with input as {"resources": [instance({"root_block_device": [{"volume_size": 20}]})]}
}

test_launch_template_fires if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "references": [], "config": {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": false}]}]}}
	findings := rule.deny with input as {"resources": [lt]}
	some f in findings
	f.path == ["block_device_mappings", 0, "ebs", 0, "encrypted"]
}

test_encrypted_or_default_encryption_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance({"root_block_device": [{"encrypted": true}]})]}
	count(rule.deny) == 0 with input as {"resources": [instance({})]}
	count(rule.deny) == 0 with input as {"resources": [instance({"ebs_block_device": [{"snapshot_id": "snap-1"}]})]}
	d := {"address": "aws_ebs_encryption_by_default.on", "type": "aws_ebs_encryption_by_default", "name": "on", "config": {"enabled": true}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [d, instance({"root_block_device": [{}]})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"root_block_device": [{"encrypted": {"$unknown": "var.enc"}}]})]}
}

launch_configuration(config) := {"address": "aws_launch_configuration.web", "type": "aws_launch_configuration", "name": "web", "config": config, "references": []}

test_launch_configuration_fires if {
	rule.deny == {{
		"msg": "aws_launch_configuration.web has an unencrypted block device", "resource": "aws_launch_configuration.web",
		"path": ["ebs_block_device", 0, "encrypted"],
		"fix": [{"op": "set", "path": ["ebs_block_device", 0, "encrypted"], "value": true}],
	}} with input as {"resources": [launch_configuration({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/xvdb", "encrypted": false}]})]}
}

test_launch_configuration_encrypted_or_from_snapshot_passes if {
	count(rule.deny) == 0 with input as {"resources": [launch_configuration({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/xvdb", "snapshot_id": "snap-1"}]})]}
}

test_opaque_module_block_devices_without_encryption_fire if {
	ec2 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"root_block_device": {"size": 50}}}
	rule.deny == {{
		"msg": "module.ec2 has an unencrypted block device", "resource": "module.ec2", "path": ["root_block_device", "encrypted"],
		"fix": [{"op": "set", "path": ["root_block_device", "encrypted"], "value": true}],
	}} with input as {"resources": [], "modules": [ec2]}
	v5 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"root_block_device": [{"volume_size": 50, "encrypted": false}], "ebs_block_device": [{"device_name": "/dev/sdf"}]}}
	{f.path | some f in rule.deny} == {["root_block_device", 0, "encrypted"], ["ebs_block_device", 0, "encrypted"]} with input as {"resources": [], "modules": [v5]}
	asg := {"address": "module.asg", "source": "terraform-aws-modules/autoscaling/aws", "config": {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"volume_size": 20}}]}}
	{f.path | some f in rule.deny} == {["block_device_mappings", 0, "ebs", "encrypted"]} with input as {"resources": [], "modules": [asg]}
}

test_opaque_module_encrypted_unset_or_default_encryption_passes if {
	ec2 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"root_block_device": {"encrypted": true}}}
	bare := {"address": "module.bare", "source": "terraform-aws-modules/ec2-instance/aws", "config": {}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2, bare]}
	open := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"root_block_device": {"size": 50}}}
	account := {"address": "aws_ebs_encryption_by_default.this", "type": "aws_ebs_encryption_by_default", "name": "this", "config": {"enabled": true}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [account], "modules": [open]}
}

test_empty_snapshot_id_is_no_snapshot if {
	count(rule.deny) == 1 with input as {"resources": [instance({"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": ""}]})]}
}

test_autoscaling_before_v4_launch_configuration_devices_fire if {
	v3 := {"address": "module.asg", "source": "terraform-aws-modules/autoscaling/aws", "version": "3.9.0", "config": {"root_block_device": [{"volume_size": "50"}], "ebs_block_device": [{"device_name": "/dev/xvdz", "encrypted": false}]}}
	{f.path | some f in rule.deny} == {["root_block_device", 0, "encrypted"], ["ebs_block_device", 0, "encrypted"]} with input as {"resources": [], "modules": [v3]}
	v6 := object.union(v3, {"version": "6.0"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [v6]}
	off := object.union(v3, {"config": {"create_lc": false, "root_block_device": [{"volume_size": "50"}]}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

test_spot_requests_fire if {
	spot := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": {"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": false}]}, "references": []}
	{f.path | some f in rule.deny} == {["ebs_block_device", 0, "encrypted"]} with input as {"resources": [spot]}
	fleet := {
		"address": "aws_spot_fleet_request.f", "type": "aws_spot_fleet_request", "name": "f", "config": {"launch_specification": [
			{"ami": "ami-1", "root_block_device": [{"volume_size": 20, "encrypted": true}]},
			{"ami": "ami-1", "root_block_device": [{"volume_size": 20}], "ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}]},
		]},
		"references": [],
	}
	{f.path | some f in rule.deny} == {["launch_specification", 1, "root_block_device", 0, "encrypted"]} with input as {"resources": [fleet]}
}

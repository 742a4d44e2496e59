package palisade.aws.ec2.instance_in_default_vpc_test

import data.palisade.aws.ec2.instance_in_default_vpc as rule

instance(config, references) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": config, "references": references}

test_fires_without_subnet if {
	rule.warn == {{"msg": "aws_instance.web has no subnet_id, so it is launched into a default subnet of the default VPC", "resource": "aws_instance.web", "path": ["subnet_id"]}} with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro"}, [])]}
}

test_fires_on_default_subnet if {
	rule.warn == {{"msg": "aws_instance.web is launched into the default subnet aws_default_subnet.a", "resource": "aws_instance.web", "path": ["subnet_id"]}} with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "subnet_id": {"$unknown": "aws_default_subnet.a.id"}}, [{"path": ["subnet_id"], "target": "aws_default_subnet.a", "attribute": "id"}])]}
}

test_passes if {
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "subnet_id": {"$unknown": "aws_subnet.private.id"}}, [{"path": ["subnet_id"], "target": "aws_subnet.private", "attribute": "id"}])]}
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "network_interface": [{"device_index": 0, "network_interface_id": {"$unknown": "aws_network_interface.n.id"}}]}, [])]}
	count(rule.warn) == 0 with input as {"resources": [instance({"launch_template": [{"id": {"$unknown": "aws_launch_template.t.id"}}]}, [])]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "subnet_id": {"$unknown": "var.subnet_id"}}, [])]}
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "network_interface": {"$unknown": "local.nics"}}, [])]}
}

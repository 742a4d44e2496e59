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

	# provider v6 places the instance with primary_network_interface
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "primary_network_interface": [{"network_interface_id": {"$unknown": "aws_network_interface.n.id"}}]}, [])]}
}

default_vpc := {"address": "data.aws_vpc.default", "type": "aws_vpc", "name": "default", "mode": "data", "config": {"default": true}, "references": []}

app_vpc := {"address": "data.aws_vpc.app", "type": "aws_vpc", "name": "app", "mode": "data", "config": {"tags": {"Name": "app"}}, "references": []}

subnets_in(vpc) := {"address": "data.aws_subnets.s", "type": "aws_subnets", "name": "s", "mode": "data", "config": {"filter": [{"name": "vpc-id", "values": [{"$unknown": concat("", [vpc.address, ".id"])}]}]}, "references": [{"path": ["filter", 0, "values", 0], "target": vpc.address, "attribute": "id"}]}

subnet_data(config, references) := {"address": "data.aws_subnet.s", "type": "aws_subnet", "name": "s", "mode": "data", "config": config, "references": references}

on_data(address) := instance({"ami": "ami-0123456789abcdef0", "subnet_id": {"$unknown": concat("", [address, ".id"])}}, [{"path": ["subnet_id"], "target": address, "attribute": "id"}])

test_fires_on_subnets_of_the_default_vpc if {
	rule.warn == {{"msg": "aws_instance.web is launched into the default VPC: its subnet comes from data.aws_subnets.s", "resource": "aws_instance.web", "path": ["subnet_id"]}} with input as {"resources": [on_data("data.aws_subnets.s")], "data": [default_vpc, subnets_in(default_vpc)]}

	# aws_subnet with default_for_az, or a default-for-az filter
	count(rule.warn) == 1 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"default_for_az": true, "availability_zone": "eu-west-1a"}, [])]}
	count(rule.warn) == 1 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"filter": [{"name": "default-for-az", "values": ["true"]}]}, [])]}

	# aws_subnet with vpc_id of the default VPC
	count(rule.warn) == 1 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [default_vpc, subnet_data({"vpc_id": {"$unknown": "data.aws_vpc.default.id"}}, [{"path": ["vpc_id"], "target": "data.aws_vpc.default", "attribute": "id"}])]}
}

subnet_resource(vpc_address) := {"address": "aws_subnet.s", "type": "aws_subnet", "name": "s", "mode": "managed", "config": {"vpc_id": {"$unknown": concat("", [vpc_address, ".id"])}, "cidr_block": "172.31.96.0/20"}, "references": [{"path": ["vpc_id"], "target": vpc_address, "attribute": "id"}]}

test_fires_on_a_subnet_created_in_the_default_vpc if {
	count(rule.warn) == 1 with input as {"resources": [subnet_resource("aws_default_vpc.default"), on_data("aws_subnet.s")]}
	count(rule.warn) == 1 with input as {"resources": [subnet_resource("data.aws_vpc.default"), on_data("aws_subnet.s")], "data": [default_vpc]}
}

test_passes_on_subnets_of_other_vpcs if {
	count(rule.warn) == 0 with input as {"resources": [subnet_resource("aws_vpc.app"), on_data("aws_subnet.s")]}
	count(rule.warn) == 0 with input as {"resources": [subnet_resource("data.aws_vpc.app"), on_data("aws_subnet.s")], "data": [app_vpc]}
	count(rule.warn) == 0 with input as {"resources": [on_data("data.aws_subnets.s")], "data": [app_vpc, subnets_in(app_vpc)]}
	count(rule.warn) == 0 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"default_for_az": false}, [])]}
	count(rule.warn) == 0 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"filter": [{"name": "default-for-az", "values": ["false"]}]}, [])]}
	count(rule.warn) == 0 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"default_for_az": {"$unknown": "var.default"}}, [])]}

	# only a vpc-id filter names the VPC: a reference under another filter name says nothing
	count(rule.warn) == 0 with input as {"resources": [on_data("data.aws_subnet.s")], "data": [subnet_data({"filter": [{"name": "tag:Name", "values": [{"$unknown": "data.aws_vpc.default.id"}]}]}, [{"path": ["filter", 0, "values", 0], "target": "data.aws_vpc.default", "attribute": "id"}]), default_vpc]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "subnet_id": {"$unknown": "var.subnet_id"}}, [])]}
	count(rule.warn) == 0 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "network_interface": {"$unknown": "local.nics"}}, [])]}
}

module_call(config) := {"address": "module.bastion", "name": "bastion", "source": "terraform-aws-modules/ec2-instance/aws", "config": config}

test_registry_module_without_subnet_fires if {
	rule.warn == {{"msg": "module.bastion sets no subnet_id, so its instance is launched into a default subnet of the default VPC", "resource": "module.bastion", "path": ["subnet_id"]}} with input as {"resources": [], "modules": [module_call({"name": "bastion", "instance_type": "t3.micro"})]}
	count(rule.warn) == 1 with input as {"resources": [], "modules": [module_call({"name": "bastion", "network_interface": []})]}
}

test_registry_module_placed_or_off_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"subnet_id": "subnet-0123456789abcdef0"})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"subnet_id": {"$unknown": "var.subnet_id"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"create": false})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"create": {"$unknown": "var.enabled"}})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [module_call({"launch_template": {"id": {"$unknown": "aws_launch_template.t.id"}}})]}

	# a call whose code is available is checked through its resources
	count(rule.warn) == 0 with input as {"resources": [], "modules": [object.union(module_call({}), {"dir": ".terraform/modules/bastion"})]}
}

# subnet_id = "" names no subnet: EC2 picks a default subnet of the default VPC.
test_fires_on_empty_subnet if {
	count(rule.warn) == 1 with input as {"resources": [instance({"ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "subnet_id": ""}, [])]}
}

test_opaque_module_with_empty_subnet_fires if {
	count(rule.warn) == 1 with input as {"resources": [], "modules": [module_call({"name": "bastion", "subnet_id": ""})]}
}

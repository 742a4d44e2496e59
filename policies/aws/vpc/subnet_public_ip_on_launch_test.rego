package palisade.aws.vpc.subnet_public_ip_on_launch_test

import data.palisade.aws.vpc.subnet_public_ip_on_launch as rule

subnet(config) := {"address": "aws_subnet.this", "type": "aws_subnet", "name": "this", "config": config, "references": []}

test_fires_with_fix if {
	rule.deny == {{"msg": "aws_subnet.this gives every instance launched into it a public IP address", "resource": "aws_subnet.this", "path": ["map_public_ip_on_launch"], "fix": [{"op": "set", "path": ["map_public_ip_on_launch"], "value": false}]}} with input as {"resources": [subnet({"cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": true})]}
}

# Unset is false for aws_subnet; an unknown value is not judged.
test_passes if {
	count(rule.deny) == 0 with input as {"resources": [subnet({"cidr_block": "10.0.1.0/24"})]}
	count(rule.deny) == 0 with input as {"resources": [subnet({"map_public_ip_on_launch": false})]}
	count(rule.deny) == 0 with input as {"resources": [subnet({"map_public_ip_on_launch": {"$unknown": "var.public"}})]}
}

vpc_call(config) := {"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": config}

test_opaque_vpc_module_with_public_subnets if {
	public := ["10.0.101.0/24"]
	{f.resource | some f in rule.deny} == {"module.vpc"} with input as {"resources": [], "modules": [vpc_call({"public_subnets": public, "map_public_ip_on_launch": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [vpc_call({"public_subnets": public})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [vpc_call({"create_vpc": false, "public_subnets": public, "map_public_ip_on_launch": true})]}
}

# Before 5.0 the module defaulted map_public_ip_on_launch to true.
test_opaque_vpc_module_before_5_defaults_to_public_ips if {
	old := object.union(vpc_call({"public_subnets": ["10.0.101.0/24"]}), {"version": "3.7.0"})
	count(rule.deny) == 1 with input as {"resources": [], "modules": [old]}
	explicit_off := object.union(vpc_call({"public_subnets": ["10.0.101.0/24"], "map_public_ip_on_launch": false}), {"version": "3.7.0"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [explicit_off]}
}

# Without public subnets the module creates no subnet the setting applies to.
test_opaque_vpc_module_without_public_subnets_passes if {
	only_private := object.union(vpc_call({"private_subnets": ["10.0.1.0/24"], "map_public_ip_on_launch": true}), {"version": "3.7.0"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [only_private]}
}

default_subnet(config) := {"address": "aws_default_subnet.a", "type": "aws_default_subnet", "name": "a", "config": config, "references": []}

# A default subnet is created with public addressing on; adopting it without the argument keeps it.
test_default_subnet_unset_or_true_fires if {
	rule.deny == {{"msg": "aws_default_subnet.a (a default subnet) gives every instance launched into it a public IP address", "resource": "aws_default_subnet.a", "path": ["map_public_ip_on_launch"], "fix": [{"op": "set", "path": ["map_public_ip_on_launch"], "value": false}]}} with input as {"resources": [default_subnet({"availability_zone": "us-west-2a"})]}
	count(rule.deny) == 1 with input as {"resources": [default_subnet({"availability_zone": "us-west-2a", "map_public_ip_on_launch": true})]}
}

test_default_subnet_turned_off_or_unknown_passes if {
	count(rule.deny) == 0 with input as {"resources": [default_subnet({"map_public_ip_on_launch": false})]}
	count(rule.deny) == 0 with input as {"resources": [default_subnet({"map_public_ip_on_launch": {"$unknown": "var.public"}})]}
}

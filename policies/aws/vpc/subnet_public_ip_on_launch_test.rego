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

igw := {"address": "aws_internet_gateway.gw", "type": "aws_internet_gateway", "name": "gw", "config": {}, "references": []}

web(config) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": object.union({"subnet_id": {"$unknown": "aws_subnet.this.id"}}, config), "references": [{"path": ["subnet_id"], "target": "aws_subnet.this"}]}

# Held-out s17/h10 (AWS provider two-tier and elb examples): the instance gets its address from
# the subnet and the module has no NAT gateway, so the finding stays without a fix.
test_no_fix_when_an_instance_relies_on_the_subnet_address if {
	rule.deny == {{
		"msg": "aws_subnet.this gives every instance launched into it a public IP address (instances here rely on it: the module has an internet gateway and no NAT gateway)",
		"resource": "aws_subnet.this", "path": ["map_public_ip_on_launch"],
	}} with input as {"resources": [subnet({"map_public_ip_on_launch": true}), igw, web({})]}
}

# With a NAT gateway, or an instance that asks for its own address, the fix stays.
test_fix_kept_with_nat_or_explicit_address if {
	nat := {"address": "aws_nat_gateway.nat", "type": "aws_nat_gateway", "name": "nat", "config": {}, "references": []}
	some f in rule.deny with input as {"resources": [subnet({"map_public_ip_on_launch": true}), igw, nat, web({})]}
	f.fix == [{"op": "set", "path": ["map_public_ip_on_launch"], "value": false}]
	some g in rule.deny with input as {"resources": [subnet({"map_public_ip_on_launch": true}), igw, web({"associate_public_ip_address": true})]}
	g.fix == [{"op": "set", "path": ["map_public_ip_on_launch"], "value": false}]
}

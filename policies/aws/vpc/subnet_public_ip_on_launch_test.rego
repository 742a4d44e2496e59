package palisade.aws.vpc.subnet_public_ip_on_launch_test

import data.palisade.aws.vpc.subnet_public_ip_on_launch as rule

subnet(extra) := {"resources": [{
	"address": "aws_subnet.public", "type": "aws_subnet", "name": "public", "references": [],
	"config": object.union({"vpc_id": {"$unknown": "aws_vpc.main.id"}, "cidr_block": "10.0.1.0/24"}, extra),
}]}

test_fires_on_public_ip_on_launch if {
	rule.warn == {{
		"msg": "aws_subnet.public assigns a public IP address to every instance launched into it",
		"resource": "aws_subnet.public", "path": ["map_public_ip_on_launch"],
	}} with input as subnet({"map_public_ip_on_launch": true})
	count(rule.warn) == 1 with input as subnet({"map_public_ip_on_launch": "true"})
}

test_passes_when_off_or_unset if {
	count(rule.warn) == 0 with input as subnet({"map_public_ip_on_launch": false})
	count(rule.warn) == 0 with input as subnet({})
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as subnet({"map_public_ip_on_launch": {"$unknown": "var.map_public_ip_on_launch"}})
}

call(config) := {"resources": [], "modules": [{"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "config": config}]}

test_opaque_vpc_call_setting_it_fires if {
	rule.warn == {{
		"msg": "module.vpc gives its public subnets map_public_ip_on_launch = true",
		"resource": "module.vpc", "path": ["map_public_ip_on_launch"],
	}} with input as call({"public_subnets": ["10.0.1.0/24"], "map_public_ip_on_launch": true})
	count(rule.warn) == 1 with input as call({"public_subnets": {"$unknown": "local.public"}, "map_public_ip_on_launch": true})
}

test_opaque_vpc_call_default_or_no_public_subnets_passes if {
	count(rule.warn) == 0 with input as call({"public_subnets": ["10.0.1.0/24"]})
	count(rule.warn) == 0 with input as call({"public_subnets": [], "map_public_ip_on_launch": true})
	count(rule.warn) == 0 with input as call({"map_public_ip_on_launch": true})
	count(rule.warn) == 0 with input as call({"public_subnets": ["10.0.1.0/24"], "map_public_ip_on_launch": true, "create_vpc": false})
}

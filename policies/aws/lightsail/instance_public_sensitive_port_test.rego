package palisade.aws.lightsail.instance_public_sensitive_port_test

import data.palisade.aws.lightsail.instance_public_sensitive_port as rule

ports(blocks) := {"address": "aws_lightsail_instance_public_ports.p", "type": "aws_lightsail_instance_public_ports", "name": "p", "config": {"instance_name": "web", "port_info": blocks}, "references": []}

ssh(extra) := object.union({"protocol": "tcp", "from_port": 22, "to_port": 22}, extra)

test_public_cidr_fires if {
	rule.deny == {{"msg": "aws_lightsail_instance_public_ports.p opens SSH (22) to the internet", "resource": "aws_lightsail_instance_public_ports.p", "path": ["port_info", 0, "cidrs", 1]}} with input as {"resources": [ports([ssh({"cidrs": ["203.0.113.0/24", "0.0.0.0/0"]})])]}
	{f.path | some f in rule.deny} == {["port_info", 0, "ipv6_cidrs", 0]} with input as {"resources": [ports([ssh({"cidrs": ["203.0.113.0/24"], "ipv6_cidrs": ["::/0"]})])]}
}

test_no_source_fires_on_block if {
	rule.deny == {{"msg": "aws_lightsail_instance_public_ports.p opens RDP (3389) to the internet", "resource": "aws_lightsail_instance_public_ports.p", "path": ["port_info", 1]}} with input as {"resources": [ports([{"protocol": "tcp", "from_port": 80, "to_port": 80}, {"protocol": "tcp", "from_port": 3389, "to_port": 3389}])]}
	{f.msg | some f in rule.deny} == {"aws_lightsail_instance_public_ports.p opens every port to the internet"} with input as {"resources": [ports([{"protocol": "all", "from_port": 0, "to_port": 65535}])]}
}

test_restricted_or_web_passes if {
	count(rule.deny) == 0 with input as {"resources": [ports([ssh({"cidrs": ["203.0.113.10/32"]})])]}
	count(rule.deny) == 0 with input as {"resources": [ports([ssh({"cidr_list_aliases": ["lightsail-connect"]})])]}
	count(rule.deny) == 0 with input as {"resources": [ports([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidrs": ["0.0.0.0/0"]}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [ports([ssh({"cidrs": {"$unknown": "var.ssh_cidrs"}})])]}
	count(rule.deny) == 0 with input as {"resources": [ports([ssh({"cidrs": [{"$unknown": "var.ssh_cidr"}]})])]}
	count(rule.deny) == 0 with input as {"resources": [ports([{"protocol": "tcp", "from_port": {"$unknown": "var.port"}, "to_port": {"$unknown": "var.port"}, "cidrs": ["0.0.0.0/0"]}])]}
	count(rule.deny) == 0 with input as {"resources": [ports({"$unknown": "var.ports"})]}
}

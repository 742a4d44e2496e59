package palisade.aws.ec2.instance_public_ip_test

import data.palisade.aws.ec2.instance_public_ip as rule

instance(v) := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"associate_public_ip_address": v}, "references": []}

test_public_ip_fires if {
	rule.deny == {{
		"msg": "aws_instance.web is given a public IP address", "resource": "aws_instance.web", "path": ["associate_public_ip_address"],
		"fix": [{"op": "set", "path": ["associate_public_ip_address"], "value": false}],
	}} with input as {"resources": [instance(true)]}
}

test_launch_template_fires if {
	lt := {"address": "aws_launch_template.app", "type": "aws_launch_template", "name": "app", "config": {"network_interfaces": [{"associate_public_ip_address": "true"}]}, "references": []}
	findings := rule.deny with input as {"resources": [lt]}
	some f in findings
	f.path == ["network_interfaces", 0, "associate_public_ip_address"]
}

test_private_passes if {
	count(rule.deny) == 0 with input as {"resources": [instance(false)]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_instance.x", "type": "aws_instance", "name": "x", "config": {}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [instance({"$unknown": "var.public"})]}
}

test_opaque_modules_with_public_ip_fire if {
	ec2 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"associate_public_ip_address": true}}
	rule.deny == {{
		"msg": "module.ec2 is given a public IP address", "resource": "module.ec2", "path": ["associate_public_ip_address"],
		"fix": [{"op": "set", "path": ["associate_public_ip_address"], "value": false}],
	}} with input as {"resources": [], "modules": [ec2]}
	asg := {"address": "module.asg", "source": "terraform-aws-modules/autoscaling/aws", "config": {"network_interfaces": [{"device_index": 0, "associate_public_ip_address": true}]}}
	{f.path | some f in rule.deny} == {["network_interfaces", 0, "associate_public_ip_address"]} with input as {"resources": [], "modules": [asg]}
}

test_opaque_modules_without_public_ip_pass if {
	ec2 := {"address": "module.ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {}}
	off := {"address": "module.off", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"create": false, "associate_public_ip_address": true}}
	asg := {"address": "module.asg", "source": "terraform-aws-modules/autoscaling/aws", "config": {"network_interfaces": [{"associate_public_ip_address": false}]}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [ec2, off, asg]}
}

test_launch_configuration_public_ip_fires if {
	lc := {"address": "aws_launch_configuration.lc", "type": "aws_launch_configuration", "name": "lc", "config": {"associate_public_ip_address": "true"}, "references": []}
	rule.deny == {{"msg": "aws_launch_configuration.lc gives instances a public IP address", "resource": "aws_launch_configuration.lc", "path": ["associate_public_ip_address"], "fix": [{"op": "set", "path": ["associate_public_ip_address"], "value": false}]}} with input as {"resources": [lc]}
}

igw := {"address": "aws_internet_gateway.gw", "type": "aws_internet_gateway", "name": "gw", "config": {"vpc_id": {"$unknown": "aws_vpc.main.id"}}, "references": [{"path": ["vpc_id"], "target": "aws_vpc.main"}]}

nat := {"address": "aws_nat_gateway.nat", "type": "aws_nat_gateway", "name": "nat", "config": {"subnet_id": "subnet-1"}, "references": []}

# Held-out s17/h10 (AWS provider ecs-alb example): the ECS container instances reach the internet
# only through the internet gateway, so the finding stays without a fix and says why.
test_no_fix_when_the_module_has_an_internet_gateway_and_no_nat if {
	lc := {"address": "aws_launch_configuration.app", "type": "aws_launch_configuration", "name": "app", "config": {"associate_public_ip_address": true}, "references": []}
	rule.deny == {{
		"msg": "aws_launch_configuration.app gives instances a public IP address (the module reaches the internet only through an internet gateway, with no NAT gateway: without the address the instances lose it)",
		"resource": "aws_launch_configuration.app", "path": ["associate_public_ip_address"],
	}} with input as {"resources": [lc, igw]}
}

test_fix_kept_when_a_nat_gateway_is_there if {
	some f in rule.deny with input as {"resources": [instance(true), igw, nat]}
	f.msg == "aws_instance.web is given a public IP address"
	f.fix == [{"op": "set", "path": ["associate_public_ip_address"], "value": false}]
}

# Held-out s18/h5 (umotif's bastion module): the launch template's own group opens SSH to any
# address, so the instances are meant to be reached from the internet on their public address.
# The finding stays without a fix and says why.
bastion_lt := {
	"address": "aws_launch_template.bastion", "type": "aws_launch_template", "name": "bastion",
	"config": {"network_interfaces": [{"associate_public_ip_address": true, "security_groups": [{"$unknown": "aws_security_group.bastion.id"}]}]},
	"references": [{"path": ["network_interfaces", 0, "security_groups", 0], "target": "aws_security_group.bastion", "attribute": "id"}],
}

ssh_group(cidrs) := {
	"address": "aws_security_group.bastion", "type": "aws_security_group", "name": "bastion",
	"config": {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": cidrs}]}, "references": [],
}

test_no_fix_when_a_group_of_the_template_is_open_to_any_address if {
	rule.deny == {{
		"msg": "aws_launch_template.bastion gives instances a public IP address (a security group it names admits inbound traffic from any address: it is meant to be reached from the internet on this address)",
		"resource": "aws_launch_template.bastion", "path": ["network_interfaces", 0, "associate_public_ip_address"],
	}} with input as {"resources": [bastion_lt, ssh_group(["0.0.0.0/0"])]}
}

test_fix_kept_when_the_group_admits_only_private_addresses if {
	some f in rule.deny with input as {"resources": [bastion_lt, ssh_group(["10.0.0.0/8"])]}
	f.fix == [{"op": "set", "path": ["network_interfaces", 0, "associate_public_ip_address"], "value": false}]
}

# The same through a separate rule resource and an instance's vpc_security_group_ids (IPv6 too).
test_no_fix_when_a_rule_resource_opens_the_instance_group if {
	web := {
		"address": "aws_instance.web", "type": "aws_instance", "name": "web",
		"config": {"associate_public_ip_address": true, "vpc_security_group_ids": [{"$unknown": "aws_security_group.web.id"}]},
		"references": [{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.web", "attribute": "id"}],
	}
	group := {"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {}, "references": []}
	https := {
		"address": "aws_security_group_rule.https", "type": "aws_security_group_rule", "name": "https",
		"config": {"type": "ingress", "from_port": 443, "to_port": 443, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"], "security_group_id": {"$unknown": "aws_security_group.web.id"}},
		"references": [{"path": ["security_group_id"], "target": "aws_security_group.web", "attribute": "id"}],
	}
	some f in rule.deny with input as {"resources": [web, group, https]}
	not f.fix
	contains(f.msg, "admits inbound traffic from any address")
}

# Egress to any address is not a way in: the fix stays.
test_fix_kept_when_only_egress_is_open if {
	group := {
		"address": "aws_security_group.bastion", "type": "aws_security_group", "name": "bastion",
		"config": {"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]}, "references": [],
	}
	some f in rule.deny with input as {"resources": [bastion_lt, group]}
	count(f.fix) == 1
}

# Spot requests launch instances too: a spot instance request takes aws_instance's arguments, a
# spot fleet request each launch_specification's (Snyk's IaC examples, round 29).
test_spot_instance_request_public_ip_fires if {
	spot := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": {"associate_public_ip_address": true}, "references": []}
	rule.deny == {{
		"msg": "aws_spot_instance_request.w is given a public IP address", "resource": "aws_spot_instance_request.w", "path": ["associate_public_ip_address"],
		"fix": [{"op": "set", "path": ["associate_public_ip_address"], "value": false}],
	}} with input as {"resources": [spot]}
}

fleet(specs) := {"address": "aws_spot_fleet_request.f", "type": "aws_spot_fleet_request", "name": "f", "config": {"launch_specification": specs}, "references": []}

test_spot_fleet_launch_specification_public_ip_fires if {
	rule.deny == {{
		"msg": "aws_spot_fleet_request.f gives instances a public IP address", "resource": "aws_spot_fleet_request.f", "path": ["launch_specification", 1, "associate_public_ip_address"],
		"fix": [{"op": "set", "path": ["launch_specification", 1, "associate_public_ip_address"], "value": false}],
	}} with input as {"resources": [fleet([{"instance_type": "m5.large"}, {"associate_public_ip_address": "true"}])]}
}

test_spot_requests_without_public_ip_pass if {
	spot := {"address": "aws_spot_instance_request.w", "type": "aws_spot_instance_request", "name": "w", "config": {"associate_public_ip_address": false}, "references": []}
	count(rule.deny) == 0 with input as {"resources": [spot, fleet([{}, {"associate_public_ip_address": false}])]}
}

# A launch specification's own security groups are read as an instance's are.
test_no_fix_when_a_group_of_the_launch_specification_is_open_to_any_address if {
	f := object.union(fleet([{"associate_public_ip_address": true, "vpc_security_group_ids": [{"$unknown": "aws_security_group.bastion.id"}]}]), {"references": [{"path": ["launch_specification", 0, "vpc_security_group_ids", 0], "target": "aws_security_group.bastion", "attribute": "id"}]})
	some finding in rule.deny with input as {"resources": [f, ssh_group(["0.0.0.0/0"])]}
	not finding.fix
}

# Held-out s20/H6: benchmark spot instances whose remote-exec provisioner connects over SSH to
# self.public_ip. The finding stays; its fix, which would leave the connection without a host,
# is withheld - whether the connection is in the provisioner or at the resource's top level.
test_no_fix_when_a_provisioner_connects_to_the_public_address if {
	conn := [{"type": "ssh", "host": {"$unknown": "self.public_ip"}}]
	spot := {"address": "aws_spot_instance_request.s", "type": "aws_spot_instance_request", "name": "s", "config": {"associate_public_ip_address": "true", "provisioner": [{"type": "remote-exec", "connection": conn}]}, "references": []}
	rule.deny == {{
		"msg": "aws_spot_instance_request.s is given a public IP address (its provisioners connect to it on its public address: without the address they cannot reach it)",
		"resource": "aws_spot_instance_request.s", "path": ["associate_public_ip_address"],
	}} with input as {"resources": [spot]}
	vm := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"associate_public_ip_address": true, "connection": [{"host": {"$unknown": "self.public_dns"}}], "provisioner": [{"type": "file"}]}, "references": []}
	some finding in rule.deny with input as {"resources": [vm]}
	not finding.fix
}

# A connection to the private address, or to a literal host, keeps the fix.
test_fix_kept_when_the_connection_uses_another_address if {
	vm := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"associate_public_ip_address": true, "provisioner": [{"type": "remote-exec", "connection": [{"host": {"$unknown": "self.private_ip"}}]}, {"type": "file", "connection": [{"host": "10.0.0.5"}]}]}, "references": []}
	some finding in rule.deny with input as {"resources": [vm]}
	finding.fix == [{"op": "set", "path": ["associate_public_ip_address"], "value": false}]
}

# Review s20/R3: a null_resource or terraform_data that provisions the instance connects to it
# from outside, on `aws_instance.web.public_ip`: the fix would leave that connection without a
# host and fail the apply, as a provisioner of the instance's own would. Another instance's
# address, or the private one, keeps the fix.
provisioner_of(address, host) := {"address": address, "type": "null_resource", "name": "setup", "config": {"connection": [{"type": "ssh", "host": {"$unknown": host}}], "provisioner": [{"type": "remote-exec"}]}, "references": []}

web := {"address": "aws_instance.web", "type": "aws_instance", "name": "web", "config": {"associate_public_ip_address": true}, "references": []}

test_no_fix_when_another_resource_connects_to_the_public_address if {
	rule.deny == {{
		"msg": "aws_instance.web is given a public IP address (null_resource.setup connects to it on its public address: without the address it cannot reach it)",
		"resource": "aws_instance.web", "path": ["associate_public_ip_address"],
	}} with input as {"resources": [web, provisioner_of("null_resource.setup", "aws_instance.web.public_ip")]}
	in_provisioner := {"address": "terraform_data.cfg", "type": "terraform_data", "name": "cfg", "config": {"provisioner": [{"type": "remote-exec", "connection": [{"host": {"$unknown": "coalesce(aws_instance.web[count.index].public_dns, \"x\")"}}]}]}, "references": []}
	some f in rule.deny with input as {"resources": [web, in_provisioner]}
	not f.fix
	some g in rule.deny with input as {"resources": [web, provisioner_of("null_resource.setup[0]", "element(aws_instance.web.*.public_ip, count.index)")]}
	not g.fix
}

test_fix_kept_when_another_resource_connects_elsewhere if {
	some f in rule.deny with input as {"resources": [web, provisioner_of("null_resource.setup", "aws_instance.web.private_ip")]}
	f.fix
	some g in rule.deny with input as {"resources": [web, provisioner_of("null_resource.setup", "aws_instance.web2.public_ip")]}
	g.fix
	child := object.union(web, {"address": "module.app.aws_instance.web"})
	some h in rule.deny with input as {"resources": [child, provisioner_of("null_resource.setup", "aws_instance.web.public_ip")]}
	h.fix
}

# Review s20/R3's open item: the provisioning resource reaches an instance a module builds through
# the module's output (`module.app.public_ip`, `module.app[0].instance_public_dns`). The fix inside
# the module would leave that connection without a host, so no fix for the module's instances, nor
# for an opaque ec2-instance call connected that way; another module's output keeps the fix.
test_no_fix_when_a_provisioner_connects_through_a_module_output if {
	child := object.union(web, {"address": "module.app.aws_instance.web", "module": "module.app"})
	rule.deny == {{
		"msg": "module.app.aws_instance.web is given a public IP address (null_resource.setup connects to it on its public address: without the address it cannot reach it)",
		"resource": "module.app.aws_instance.web", "path": ["associate_public_ip_address"],
	}} with input as {"resources": [child, provisioner_of("null_resource.setup", "module.app.public_ip")]}
	counted := object.union(web, {"address": "module.app[0].aws_instance.web", "module": "module.app[0]"})
	some f in rule.deny with input as {"resources": [counted, provisioner_of("null_resource.setup", "module.app[0].instance_public_dns")]}
	not f.fix
	some g in rule.deny with input as {"resources": [child, provisioner_of("null_resource.setup", "module.db.public_ip")]}
	g.fix
	some h in rule.deny with input as {"resources": [child, provisioner_of("null_resource.setup", "module.app.private_ip")]}
	h.fix
}

test_no_fix_for_an_opaque_instance_module_connected_through_its_output if {
	call := {"address": "module.ec2", "name": "ec2", "source": "terraform-aws-modules/ec2-instance/aws", "config": {"associate_public_ip_address": true}}
	rule.deny == {{
		"msg": "module.ec2 is given a public IP address (null_resource.setup connects to it on its public address: without the address it cannot reach it)",
		"resource": "module.ec2", "path": ["associate_public_ip_address"],
	}} with input as {"resources": [provisioner_of("null_resource.setup", "module.ec2.public_ip")], "modules": [call]}
	some f in rule.deny with input as {"resources": [], "modules": [call]}
	f.fix
}

# Session 24 (H7), held-out s23/H8: Mastodon's bastion sits in a public subnet and its group admits
# SSH from split(",", var.bastion_cidrs), the operators' addresses, which reach it on its public
# address. The configuration names its trusted CIDRs under its own variable name (the trusted-CIDR
# fix writes var.trusted_cidrs): the fix is withheld, the finding stays and names them.
test_no_fix_when_the_group_admits_an_allow_list_variable if {
	rule.deny == {{
		"msg": "aws_launch_template.bastion gives instances a public IP address (a security group it names admits inbound traffic from split(\",\", var.bastion_cidrs), addresses outside the VPC: they reach it on this address)",
		"resource": "aws_launch_template.bastion", "path": ["network_interfaces", 0, "associate_public_ip_address"],
	}} with input as {"resources": [bastion_lt, ssh_group({"$unknown": "split(\",\", var.bastion_cidrs)"})]}

	# The list the trusted-CIDR fix writes, and one unknown element of a list.
	some f in rule.deny with input as {"resources": [bastion_lt, ssh_group({"$unknown": "var.trusted_cidrs"})]}
	not f.fix
	some g in rule.deny with input as {"resources": [bastion_lt, ssh_group(["10.0.0.0/8", {"$unknown": "var.office_cidr"}])]}
	not g.fix
}

# A known public network (an office's addresses) reaches the instance the same way.
test_no_fix_when_the_group_admits_a_public_network if {
	some f in rule.deny with input as {"resources": [bastion_lt, ssh_group(["203.0.113.0/24"])]}
	not f.fix
	contains(f.msg, "from 203.0.113.0/24, addresses outside the VPC")
}

# The VPC's own ranges, however written, stay inside: the fix is kept.
test_fix_kept_when_the_group_admits_the_vpcs_own_ranges if {
	some text in [
		"aws_vpc.main.cidr_block", "data.aws_vpc.selected.cidr_block", "module.vpc.vpc_cidr_block",
		"module.vpc.private_subnets_cidr_blocks", "var.vpc_cidr", "local.private_subnet_cidrs",
		"cidrsubnet(var.base, 8, 1)", "\"${aws_instance.app.private_ip}/32\"",
	]
	some f in rule.deny with input as {"resources": [bastion_lt, ssh_group({"$unknown": text})]}
	f.fix == [{"op": "set", "path": ["network_interfaces", 0, "associate_public_ip_address"], "value": false}]
}

hybrid_ingress(name, cidr) := {
	"address": sprintf("aws_vpc_security_group_ingress_rule.remote_node[%q]", [name]), "type": "aws_vpc_security_group_ingress_rule", "name": "remote_node",
	"config": {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": cidr, "security_group_id": {"$unknown": "aws_security_group.remote_node.id"}},
	"references": [{"path": ["security_group_id"], "target": "aws_security_group.remote_node", "attribute": "id"}],
}

# terraform-aws-eks's hybrid-node example (real-terraform): aws_vpc_security_group_ingress_rule
# resources admit the cluster VPC and SSH from the Terraform runner's address (data.http).
test_no_fix_when_a_vpc_rule_admits_the_runners_address if {
	node := {
		"address": "aws_instance.hybrid_node", "type": "aws_instance", "name": "hybrid_node",
		"config": {"associate_public_ip_address": true, "vpc_security_group_ids": [{"$unknown": "aws_security_group.remote_node.id"}]},
		"references": [{"path": ["vpc_security_group_ids", 0], "target": "aws_security_group.remote_node", "attribute": "id"}],
	}
	group := {"address": "aws_security_group.remote_node", "type": "aws_security_group", "name": "remote_node", "config": {}, "references": []}
	cluster := hybrid_ingress("cluster-all", {"$unknown": "module.vpc.vpc_cidr_block"})
	ssh := hybrid_ingress("ssh", {"$unknown": "\"${chomp(data.http.icanhazip.response_body)}/32\""})
	some kept in rule.deny with input as {"resources": [node, group, cluster]}
	count(kept.fix) == 1
	some f in rule.deny with input as {"resources": [node, group, cluster, ssh]}
	not f.fix
	contains(f.msg, "data.http.icanhazip")
}

# METADATA
# title: EC2 instance gets a public IP address
# description: |
#   associate_public_ip_address = true gives the instance an address reachable from the
#   internet; only its security groups then stand between it and the world. Keep instances in
#   private subnets behind load balancers, NAT and Session Manager unless they must be public.
#   Instances, spot instance requests, spot fleet launch specifications, launch templates and
#   launch configurations are read.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html
# custom:
#   id: PAL-AWS-EC2-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_instance, aws_spot_instance_request, aws_spot_fleet_request, aws_launch_template, aws_launch_configuration, "module:terraform-aws-modules/ec2-instance/aws", "module:terraform-aws-modules/autoscaling/aws", "module:terraform-aws-modules/security-group/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_88
#     trivy: AVD-AWS-0009
#     kics: 5a2486aa-facf-477d-a5c1-b010789459ce
#   cwe: ["CWE-668"]
#   remediation: Remove associate_public_ip_address (or set it to false) and reach the instance through a load balancer or Session Manager.
#   fixable: true
package palisade.aws.ec2.instance_public_ip

# The security-group module is among the resource_types because the rule reads lib/sg's rules,
# which include that module's (they never name a group an instance here references).

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg
import data.palisade.lib.tf
import data.palisade.lib.unknown

# A spot instance request takes aws_instance's arguments and launches such an instance.
deny contains fixes.finding(r, ["associate_public_ip_address"], msg, fix) if {
	some type in ["aws_instance", "aws_spot_instance_request"]
	some r in tf.resources(type)
	unknown.is_true(r.config.associate_public_ip_address)
	fix := address_fix(r, ["associate_public_ip_address"])
	msg := sprintf("%s is given a public IP address%s", [r.address, why_no_fix(r)])
}

deny contains fixes.finding(r, path, msg, address_fix(r, path)) if {
	some r in tf.resources("aws_launch_template")
	some i, nic in tf.blocks(r, "network_interfaces")
	unknown.is_true(nic.associate_public_ip_address)
	path := ["network_interfaces", i, "associate_public_ip_address"]
	msg := sprintf("%s gives instances a public IP address%s", [r.address, why_no_fix(r)])
}

# Each launch_specification of a spot fleet request describes instances the fleet launches.
deny contains fixes.finding(r, path, msg, address_fix(r, path)) if {
	some r in tf.resources("aws_spot_fleet_request")
	some i, spec in tf.blocks(r, "launch_specification")
	unknown.is_true(spec.associate_public_ip_address)
	path := ["launch_specification", i, "associate_public_ip_address"]
	msg := sprintf("%s gives instances a public IP address%s", [r.address, why_no_fix(r)])
}

# Opaque ec2-instance calls pass associate_public_ip_address (default null) to the instance, and
# autoscaling calls each network_interfaces entry to the launch template; only true is judged.
deny contains fixes.finding(r, ["associate_public_ip_address"], msg, address_fix(r, ["associate_public_ip_address"])) if {
	some r in tf.resources("aws_launch_configuration")
	unknown.is_true(r.config.associate_public_ip_address)
	msg := sprintf("%s gives instances a public IP address%s", [r.address, why_no_fix(r)])
}

deny contains fixes.finding(m, ["associate_public_ip_address"], msg, fix) if {
	some m in modules.ec2_instances
	unknown.is_true(m.config.associate_public_ip_address)
	fix := [op | not provisioned_over_public_address(m); op := result.set(["associate_public_ip_address"], false)]
	msg := sprintf("%s is given a public IP address%s", [m.address, concat("", [why |
		some holder in public_address_provisioners(m)
		why := provisioner_reason(holder)
	])])
}

deny contains result.fail_fix(m, path, msg, [result.set(path, false)]) if {
	some m in modules.asg_launch_templates
	some i, nic in unknown.items(object.get(m.config, "network_interfaces", []))
	unknown.is_true(nic.associate_public_ip_address)
	path := ["network_interfaces", i, "associate_public_ip_address"]
	msg := sprintf("%s gives instances a public IP address", [m.address])
}

# No fix when the module builds its own way out through an internet gateway and has no NAT
# gateway (held-out s17/h10: the AWS provider's ecs-alb example, whose ECS container instances
# sit in subnets routed only to the internet gateway). The public address is then the instances'
# only way to the internet: without it the ECS agent, package installs and image pulls fail.
# Opaque module calls keep their fix (their network is not seen).
#
# No fix either when a security group the instance or template names admits inbound traffic from
# any address (0.0.0.0/0 or ::/0): the module means the instances to be reached from the internet,
# and the public address is how (held-out s18/h5: umotif's bastion module opens SSH to the world
# by default, and its boot script publishes the instances' public IPs in Route 53). The finding
# stays, beside the group's own (PAL-AWS-VPC-001 and the like).
#
# No fix either when such a group admits inbound traffic from addresses outside the VPC that the
# configuration names: a public network (an office's 203.0.113.0/24), or CIDRs unknown to the scan
# that are not the VPC's own ranges - an input variable (held-out s23/H8: Mastodon's bastion admits
# SSH from split(",", var.bastion_cidrs), the operators' addresses; var.trusted_cidrs, which the
# trusted-CIDR fix of PAL-AWS-VPC-001 writes in place of 0.0.0.0/0), or a data source
# (terraform-aws-eks's hybrid-node example admits SSH from the Terraform runner's address read
# through data.http). Those addresses reach the instance on its public address; without it they
# cannot, so the fix would lock out the very clients the group names. A VPC's or subnet's CIDR,
# a private literal, a private IP and a cidrsubnet() carve-out stay inside: the fix is kept.
#
# No fix either when the resource's own provisioners connect to it on that address (held-out
# s20/H6: redis-performance's benchmark spot instances run remote-exec over SSH to
# self.public_ip): without the address the connection has no host and the apply fails.
address_fix(r, path) := [] if igw_only_egress

else := [] if internet_facing(r)

else := [] if reached_from_outside(r)

else := [] if connects_over_public_address(r)

else := [] if provisioned_over_public_address(r)

else := [result.set(path, false)]

default why_no_fix(_) := ""

why_no_fix(_) := igw_reason if igw_only_egress

why_no_fix(r) := facing_reason if {
	not igw_only_egress
	internet_facing(r)
}

why_no_fix(r) := reached_reason(r) if {
	not igw_only_egress
	not internet_facing(r)
	reached_from_outside(r)
}

why_no_fix(r) := connection_reason if {
	not igw_only_egress
	not internet_facing(r)
	not reached_from_outside(r)
	connects_over_public_address(r)
}

why_no_fix(r) := provisioner_reason(holder) if {
	not igw_only_egress
	not internet_facing(r)
	not reached_from_outside(r)
	not connects_over_public_address(r)
	some holder in public_address_provisioners(r)
}

connection_reason := " (its provisioners connect to it on its public address: without the address they cannot reach it)"

provisioner_reason(holder) := sprintf(" (%s connects to it on its public address: without the address it cannot reach it)", [holder])

# connects_over_public_address(r): a connection block of r - at the resource's top level or in
# one of its provisioners - names r's own public IP or DNS name as its host. Provisioner blocks
# are evaluated with self.* unknown, so the host is an unknown whose text says what it reads.
connects_over_public_address(r) if {
	some conn in connections(r)
	text := conn.host["$unknown"]
	is_string(text)
	regex.match(`\bself\.public_(ip|dns)\b`, text)
}

# Review s20/R3: another resource (a null_resource or terraform_data that configures the
# instance) connects to it from outside on `aws_instance.web.public_ip`; without the address its
# provisioners fail the apply too (`element(aws_instance.web.*.public_ip, count.index)` in older
# configurations). Hosts naming an instance's public address are gathered once.
provisioned_over_public_address(r) if count(public_address_provisioners(r)) > 0

public_address_provisioners(r) := {holder |
	some [holder, target] in public_address_hosts
	tf.scope(holder) == tf.scope(r.address)
	regex.replace(substring(r.address, count(tf.scope(r.address)), -1), `\[[^\]]*\]$`, "") == target
} | {holder |
	some [holder, call] in public_address_module_hosts
	scope := tf.scope(holder)
	startswith(r.address, scope)
	_within_call(substring(r.address, count(scope), -1), call)
}

# _within_call(address, call): the address is the call (`module.app`, an opaque call) or lies in one
# of its instances (`module.app.aws_instance.web`, `module.app[0].aws_instance.web`).
_within_call(address, call) if address == call

_within_call(address, call) if startswith(address, concat("", [call, "."]))

_within_call(address, call) if startswith(address, concat("", [call, "["]))

# The resources that configure an instance from outside over SSH or WinRM: the provisioning
# resources, and instances reaching another one (a bastion's neighbours). Named, not every
# resource read: fix verification re-runs a rule whenever an edit touches what it read.
provisioning_types := {"null_resource", "terraform_data", "aws_instance", "aws_spot_instance_request"}

# [holder address, "type.name" of the resource whose public IP or DNS name the host reads].
public_address_hosts contains [holder, target] if {
	some [holder, text] in _provisioning_hosts
	some m in regex.find_all_string_submatch_n(`\b((aws_instance|aws_spot_instance_request)\.[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\]|\.\*)?\.public_(ip|dns)\b`, text, -1)
	target := m[1]
}

# [holder address, "module.name" of a call whose public IP or DNS output the host reads
# (`module.app.public_ip`, `module.app[0].instance_public_dns`)].
public_address_module_hosts contains [holder, call] if {
	some [holder, text] in _provisioning_hosts
	some m in regex.find_all_string_submatch_n(`\b(module\.[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\]|\.\*)?\.[A-Za-z0-9_]*public_(ip|dns)`, text, -1)
	call := m[1]
}

# [holder address, host text] of each connection of a provisioning resource.
_provisioning_hosts contains [holder.address, text] if {
	some holder_type in provisioning_types
	some holder in tf.resources(holder_type)
	some conn in connections(holder)
	text := conn.host["$unknown"]
	is_string(text)
}

connections(r) := array.concat(
	tf.blocks(r, "connection"),
	[c | some p in tf.blocks(r, "provisioner"); some c in object.get(p, "connection", [])],
)

igw_reason := " (the module reaches the internet only through an internet gateway, with no NAT gateway: without the address the instances lose it)"

facing_reason := " (a security group it names admits inbound traffic from any address: it is meant to be reached from the internet on this address)"

igw_only_egress if {
	count(tf.resources("aws_internet_gateway")) > 0
	count(tf.resources("aws_nat_gateway")) == 0
}

# internet_facing(r): a security group that r names (vpc_security_group_ids, security_groups, a
# network interface's security_groups or a launch specification's vpc_security_group_ids) is open
# to any address inbound.
internet_facing(r) if {
	some ref in r.references
	group_path(ref.path)
	some group in world_open_groups
	tf.refers_to(ref.target, group)
}

group_path(path) if path[0] in {"vpc_security_group_ids", "security_groups"}

group_path(path) if {
	path[0] == "network_interfaces"
	path[2] == "security_groups"
}

group_path(path) if {
	path[0] == "launch_specification"
	path[2] == "vpc_security_group_ids"
}

# The groups with an ingress rule from any address, found once: inline rules name their group;
# aws_security_group_rule and aws_vpc_security_group_ingress_rule resources name it in
# security_group_id.
world_open_groups contains group if {
	some e in sg.rules
	e.direction == "ingress"
	some c in e.cidrs
	net.is_public_cidr(c.value)
	some group in entry_groups(e.resource.address)
}

entry_groups(address) := {address} if not rule_groups[address]

else := rule_groups[address]

rule_groups[rule.address] := {ref.target |
	some ref in rule.references
	ref.path == ["security_group_id"]
} if {
	some rule in input.resources
	rule.type in {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule"}
}

# reached_from_outside(r): a group r names admits inbound traffic from addresses outside the VPC
# that the configuration names (see address_fix).
reached_from_outside(r) if count(outside_sources(r)) > 0

reached_reason(r) := sprintf(
	" (a security group it names admits inbound traffic from %s, addresses outside the VPC: they reach it on this address)",
	[concat(", ", sort(outside_sources(r)))],
)

outside_sources(r) := {source |
	some ref in r.references
	group_path(ref.path)
	some [group, source] in outside_groups
	tf.refers_to(ref.target, group)
}

# [group, source] for each group whose ingress admits a source outside the VPC, found once.
outside_groups contains [group, source] if {
	some e in sg.rules
	e.direction == "ingress"
	some source in _outside_sources(e)
	some group in entry_groups(e.resource.address)
}

_outside_sources(e) := ({c.value | some c in e.cidrs; net.is_public_network(c.value)} | {text |
	some c in e.cidrs
	text := c.value["$unknown"]
	is_string(text)
	not inside_vpc_source(text)
}) | {text |
	# A whole list unknown (cidr_blocks = split(",", var.bastion_cidrs)) leaves the entry no cidrs.
	holder := object.get(_rule_holders, e.resource.address, null)
	block := object.get(holder.config, e.path, null)
	is_object(block)
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	text := object.get(block, key, null)["$unknown"]
	is_string(text)
	not inside_vpc_source(text)
}

_rule_holders[r.address] := r if {
	some r in input.resources
	r.type in {"aws_security_group", "aws_default_security_group", "aws_security_group_rule"}
}

# inside_vpc_source(text): an unknown CIDR's expression reads the VPC's own addresses: a VPC's or
# subnet's CIDR (aws_vpc.main.cidr_block, data.aws_vpc.x.cidr_block_associations,
# module.vpc.vpc_cidr_block, module.vpc.private_subnets_cidr_blocks), a private IP, a cidrsubnet()
# carve-out, or a variable or local named for the VPC, a subnet or a private range (var.vpc_cidr).
inside_vpc_source(text) if regex.match(`(\b(aws_vpc|aws_default_vpc|aws_subnet|aws_default_subnet|aws_vpc_ipv4_cidr_block_association|aws_vpc_ipv6_cidr_block_association)\.|\bdata\.aws_(vpc|vpcs|subnet|subnets|vpc_ipam_pool_cidrs)\.|\bmodule\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.[A-Za-z0-9_]*cidr_blocks?\b|\.private_ips?\b|\bcidrsubnets?\(|\b(var|local)\.[A-Za-z0-9_]*(vpc|subnet|private|internal)[A-Za-z0-9_]*)`, text)

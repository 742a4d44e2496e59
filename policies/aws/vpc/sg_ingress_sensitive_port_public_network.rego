# METADATA
# title: Security group exposes a sensitive service to a public network
# description: |
#   An ingress rule admits a sensitive service (remote administration, file sharing, a database or
#   cache) from a small range of internet addresses (/25 to /31, outside the private and reserved
#   ranges), or from a private or reserved range written with too short a prefix so that it spills
#   into public addresses (10.0.0.0/7 holds the public 11.0.0.0/8). A small range is usually
#   meant as our office or our partner, but unless every address in it is yours, strangers share
#   it — a hosting provider, a cloud region, an ISP pool — and can reach the service. Single /32
#   addresses are not reported; 0.0.0.0/0 is reported by the internet-exposure rules.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-014
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   references:
#     kics: e35c16a2-d54e-419d-8546-a804d8e024d0
#   cwe: ["CWE-284"]
#   remediation: Narrow the source to the exact /32 addresses or security groups that need the service.
#   fixable: false
package palisade.aws.vpc.sg_ingress_sensitive_port_public_network

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# Advisory: the range may well be the organisation's own.
warn contains result.fail(entry.resource, entry.path, msg) if {
	some entry in sg.ingress
	cidrs := [cidr | some cidr in entry.cidrs; cidr.value in small_public_networks]
	count(cidrs) > 0
	exposed := net.exposed_services(entry.protocol, entry.from, entry.to, net.sensitive_ports)
	count(exposed) > 0
	some cidr in cidrs
	msg := sprintf("%s exposes %s to the public network %s", [entry.resource.address, concat(", ", exposed), cidr.value])
}

# A private or reserved range written with too short a prefix (10.0.0.0/7, 192.168.0.0/15) admits the
# public addresses beside it whatever its size: it is no office range, so it is reported too.
small_public_networks contains value if {
	some value in sg.cidr_values
	net.is_network_spilling_into_public(value)
}

# The unit's CIDRs that are small public networks (/25 to /31), each value classified once.
small_public_networks contains value if {
	some value in sg.cidr_values
	net.is_public_network(value)
	net.ipv4_prefix(value) >= 25
	net.ipv4_prefix(value) < 32
}

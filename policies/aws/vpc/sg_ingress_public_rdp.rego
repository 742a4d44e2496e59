# METADATA
# title: Security group allows RDP from the internet
# description: |
#   An ingress rule admits RDP (TCP port 3389) from 0.0.0.0/0 or ::/0. Internet-exposed RDP is a
#   primary entry point for ransomware operators (credential stuffing, BlueKeep-class
#   vulnerabilities). Reach it through a bastion, AWS Systems Manager Session Manager or a VPN,
#   and allow only the CIDRs that need it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-002
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   frameworks:
#     cis-aws-2.0: ["5.2", "5.3"]
#   references:
#     checkov: CKV_AWS_25
#     trivy: AVD-AWS-0107
#     kics: 151187cb-0efc-481c-babd-ad24e3c9bc22
#   cwe: ["CWE-284"]
#   remediation: Replace 0.0.0.0/0 and ::/0 with the specific CIDRs or security groups that need RDP.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_rdp

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# Rules open on every port are reported once, by sg_ingress_public_all_ports.
deny contains result.fail(entry.resource, cidr.path, msg) if {
	some [entry, cidrs] in sg.public_ingress
	net.covers_port(entry.protocol, entry.from, entry.to, 3389)
	not net.all_ports(entry.protocol, entry.from, entry.to)
	some cidr in cidrs
	msg := sprintf("%s allows RDP (port 3389) from %s", [entry.resource.address, cidr.value])
}

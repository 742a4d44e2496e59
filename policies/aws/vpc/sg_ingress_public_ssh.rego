# METADATA
# title: Security group allows SSH from the internet
# description: |
#   An ingress rule admits SSH (TCP port 22) from 0.0.0.0/0 or ::/0. SSH is the most scanned and
#   brute-forced service on the internet; an exposed daemon is one weak key or unpatched CVE away
#   from a compromised host. Reach it through a bastion, AWS Systems Manager Session Manager or a
#   VPN, and allow only the CIDRs that need it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   frameworks:
#     cis-aws-2.0: ["5.2", "5.3"]
#   references:
#     checkov: CKV_AWS_24
#     trivy: AVD-AWS-0107
#     kics: 65905cec-d691-4320-b320-2000436cb696
#   cwe: ["CWE-284"]
#   remediation: Replace 0.0.0.0/0 and ::/0 with the specific CIDRs or security groups that need SSH.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_ssh

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

# Rules open on every port are reported once, by sg_ingress_public_all_ports.
deny contains result.fail(entry.resource, cidr.path, msg) if {
	some [entry, cidrs] in sg.public_ingress
	net.covers_port(entry.protocol, entry.from, entry.to, 22)
	not net.all_ports(entry.protocol, entry.from, entry.to)
	some cidr in cidrs
	msg := sprintf("%s allows SSH (port 22) from %s", [entry.resource.address, cidr.value])
}

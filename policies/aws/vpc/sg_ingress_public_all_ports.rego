# METADATA
# title: Security group allows all ports from the internet
# description: |
#   An ingress rule admits every protocol, or every TCP/UDP port, from 0.0.0.0/0 or ::/0. Every
#   service the instance runs, including ones never meant to be reachable (databases, admin
#   consoles, debug ports), is then exposed to the whole internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-003
#   severity: critical
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, "module:terraform-aws-modules/security-group/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_277
#     trivy: AVD-AWS-0107
#   cwe: ["CWE-284"]
#   remediation: Allow only the ports the workload serves, from the CIDRs or security groups that need them.
#   fixable: false
package palisade.aws.vpc.sg_ingress_public_all_ports

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

deny contains result.fail(entry.resource, cidr.path, msg) if {
	some [entry, cidrs] in sg.public_ingress
	net.all_ports(entry.protocol, entry.from, entry.to)
	some cidr in cidrs
	msg := sprintf("%s allows all ports from %s", [entry.resource.address, cidr.value])
}

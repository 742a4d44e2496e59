# METADATA
# title: Security group allows all outbound traffic to the internet
# description: |
#   An egress rule allows every protocol and port to 0.0.0.0/0 or ::/0. This is Terraform's and
#   AWS's common default, but it lets a compromised workload exfiltrate data or reach
#   command-and-control servers freely. Advisory: restrict egress where the destinations are known.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule, "module:terraform-aws-modules/security-group/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_382
#     trivy: AVD-AWS-0104
#   cwe: ["CWE-284"]
#   remediation: Allow egress only to the ports and destinations (CIDRs, prefix lists, security groups) the workload needs.
#   fixable: false
package palisade.aws.vpc.sg_egress_public_all

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.sg

warn contains result.fail(entry.resource, cidr.path, msg) if {
	some [entry, cidrs] in sg.public_egress
	net.all_ports(entry.protocol, entry.from, entry.to)
	some cidr in cidrs
	msg := sprintf("%s allows all outbound traffic to %s", [entry.resource.address, cidr.value])
}

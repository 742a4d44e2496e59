# METADATA
# title: VPC has no AWS Network Firewall
# description: |
#   Security groups and network ACLs filter by address and port only. AWS Network Firewall adds
#   stateful inspection, domain allow-lists for egress and intrusion prevention, which stop command-
#   and-control traffic and data exfiltration that port rules let through.
# related_resources:
#   - ref: https://docs.aws.amazon.com/network-firewall/latest/developerguide/what-is-aws-network-firewall.html
# custom:
#   id: PAL-AWS-VPC-017
#   severity: info
#   formats: [terraform]
#   resource_types: [aws_vpc, aws_networkfirewall_firewall]
#   references:
#     kics: fd632aaf-b8a1-424d-a4d1-0de22fd3247a
#   remediation: Deploy an aws_networkfirewall_firewall in the VPC and route internet-bound traffic through it.
#   fixable: false
package palisade.aws.vpc.network_firewall_missing

import data.palisade.lib.result
import data.palisade.lib.tf

# Advisory: a firewall per VPC is a cost decision; central inspection VPCs are common too.
warn contains result.fail(r, [], msg) if {
	not tf.unresolved("aws_networkfirewall_firewall", ["vpc_id"], "aws_vpc")
	some r in tf.resources("aws_vpc")
	count(tf.referencing(r.address, "aws_networkfirewall_firewall", ["vpc_id"])) == 0
	msg := sprintf("%s has no AWS Network Firewall", [r.address])
}

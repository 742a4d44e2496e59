# METADATA
# title: DB security group allows ingress from the internet
# description: |
#   An aws_db_security_group (EC2-Classic) ingress rule with cidr 0.0.0.0/0 lets any host on the
#   internet open connections to the database instances it protects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html
# custom:
#   id: PAL-AWS-RDS-011
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_db_security_group]
#   frameworks: {}
#   references:
#     kics:
#       - f0d8781f-99bf-4958-9917-d39283b168a0
#       - 1e0ef61b-ad85-4518-a3d3-85eaad164885
#   cwe: ["CWE-284"]
#   remediation: Restrict the ingress cidr to the networks that need database access (or move to VPC security groups).
#   fixable: false
package palisade.aws.rds.db_security_group_public

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["ingress", i, "cidr"], msg) if {
	some r in tf.resources("aws_db_security_group")
	some i, rule in tf.blocks(r, "ingress")
	cidr := unknown.known_string(rule.cidr)
	whole_internet(cidr)
	msg := sprintf("%s allows database connections from %s", [r.address, cidr])
}

# whole_internet: 0.0.0.0/0 or ::/0, and any IPv4 address with prefix length 0 ("1.1.1.1/0"):
# unlike security group rules, the provider does not validate this cidr, and a /0 keeps none of
# the address bits.
whole_internet(cidr) if net.is_public_cidr(cidr)

whole_internet(cidr) if net.ipv4_prefix(cidr) == 0

# METADATA
# title: DB security group allows ingress from a large address range
# description: |
#   An aws_db_security_group (EC2-Classic) ingress rule whose private cidr covers 256 or more
#   addresses (a /24 or wider) admits far more hosts than the application servers that need the
#   database. Internet-wide ranges are reported by PAL-AWS-RDS-011.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html
# custom:
#   id: PAL-AWS-RDS-012
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_security_group]
#   frameworks: {}
#   references:
#     kics: 4f615f3e-fb9c-4fad-8b70-2e9f781806ce
#   cwe: ["CWE-284"]
#   remediation: Narrow the ingress cidr to the application subnets (a /25 or smaller), or move to VPC security groups.
#   fixable: false
package palisade.aws.rds.db_security_group_broad_cidr

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, ["ingress", i, "cidr"], msg) if {
	some r in tf.resources("aws_db_security_group")
	some i, rule in tf.blocks(r, "ingress")
	cidr := unknown.known_string(rule.cidr)
	not net.is_public_cidr(cidr)
	net.ipv4_prefix(cidr) > 0
	parts := split(cidr, "/")
	count(parts) == 2
	not contains(parts[0], ":")
	to_number(parts[1]) <= 24
	msg := sprintf("%s allows database connections from %s, 256 or more addresses", [r.address, cidr])
}

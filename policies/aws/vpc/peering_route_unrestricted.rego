# METADATA
# title: VPC peering route sends every destination to the peer
# description: |
#   A route to a VPC peering connection whose destination is 0.0.0.0/0 or ::/0 makes the whole
#   peered VPC reachable from the subnets using the route table, instead of the few subnets that
#   need to talk to each other, and hides mistakes in the more specific routes. Peering routes
#   should be "least access": one route per peer CIDR (or subnet) that really needs the peering.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html
# custom:
#   id: PAL-AWS-VPC-018
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_route_table, aws_default_route_table, aws_route]
#   frameworks:
#     cis-aws-2.0: ["5.5"]
#   references:
#     checkov: CKV2_AWS_44
#     kics: b3a41501-f712-4c4f-81e5-db9a7dc0e34e
#   cwe: ["CWE-284"]
#   remediation: Route only the peer's CIDR blocks (or the subnets that need the peering) to the peering connection.
#   fixable: false
package palisade.aws.vpc.peering_route_unrestricted

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf

# Routes as {resource, prefix, route, keys}: inline `route` entries of route tables (block or
# attribute syntax) and aws_route resources, with the names of their destination attributes.
routes contains {"resource": r, "prefix": ["route", i], "route": b, "keys": ["cidr_block", "ipv6_cidr_block"]} if {
	some r in input.resources
	r.type in {"aws_route_table", "aws_default_route_table"}
	some i, b in tf.blocks(r, "route")
}

routes contains {"resource": r, "prefix": [], "route": r.config, "keys": ["destination_cidr_block", "destination_ipv6_cidr_block"]} if {
	some r in tf.resources("aws_route")
}

# The finding goes on the route entry (the whole rule, as for network ACL entries): neither the
# destination nor the target alone is wrong.
deny contains result.fail(e.resource, e.prefix, msg) if {
	some e in routes
	to_peering(e.route)
	some key in e.keys
	cidr := object.get(e.route, key, null)
	net.is_public_cidr(cidr)
	msg := sprintf("%s routes %s to a VPC peering connection", [e.resource.address, cidr])
}

# The target is a peering connection: the id is set (an unknown id counts as set) and not empty.
to_peering(route) if {
	id := object.get(route, "vpc_peering_connection_id", null)
	id != null
	id != ""
}

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
#   fixable: true
package palisade.aws.vpc.peering_route_unrestricted

import data.palisade.lib.fixes
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
deny contains fixes.finding(e.resource, e.prefix, msg, _fix(e, key)) if {
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

# The fix routes the other side's CIDR instead (`aws_vpc.peer.cidr_block`, as an expression): traffic
# to anything else over a peering connection is dropped anyway (peering is not transitive), so only
# the wildcard goes. It needs the whole picture in the module: the connection, the VPC the route
# table belongs to as one of its two sides (a route in the accepter's table goes back to the
# requester), and the other side declared as an aws_vpc with that address family and no further
# CIDR blocks associated (the primary one alone would cut them off). No fix for counted routes (one
# block, instances that may belong to different VPCs) or when the table already has another route
# over the same connection (the new destination could duplicate it).
_fix(e, key) := [result.set(array.concat(e.prefix, [key]), result.expr(sprintf("%s.%s", [_in_module(e.resource, other), attr])))] if {
	not e.resource.index
	not e.resource.unexpanded
	connection := _target(e.resource, array.concat(e.prefix, ["vpc_peering_connection_id"]), "aws_vpc_peering_connection")
	_routes_over(e, connection) == 1
	own := _table_vpc(e)
	other := _other_side(connection, own)
	attr := _family_attr(key)
	some vpc in tf.resources("aws_vpc")
	vpc.address == other
	_has_family(vpc, attr)
	not _more_cidrs(other, attr)
} else := []

_family_attr(key) := "cidr_block" if key in {"cidr_block", "destination_cidr_block"}

_family_attr(key) := "ipv6_cidr_block" if key in {"ipv6_cidr_block", "destination_ipv6_cidr_block"}

# How many routes of e's table go over the connection.
_routes_over(e, connection) := count([o |
	some o in routes
	_same_table(o, e)
	_target(o.resource, array.concat(o.prefix, ["vpc_peering_connection_id"]), "aws_vpc_peering_connection") == connection
])

_connections[c.address] := c if some c in tf.resources("aws_vpc_peering_connection")

# The address of the resource of `type` the attribute at path names (by reference).
_target(r, path, resource_type) := ref.target if {
	refs := [ref | some ref in r.references; ref.path == path; tf.names_type(ref.target, resource_type)]
	count(refs) == 1
	ref := refs[0]
}

# The VPC a route's table belongs to: the table's vpc_id; a default table's VPC; for aws_route, the
# table it names (or the VPC whose main / default table it names).
_table_vpc(e) := _target(e.resource, ["vpc_id"], "aws_vpc") if e.resource.type == "aws_route_table"

_table_vpc(e) := _target(e.resource, ["default_route_table_id"], "aws_vpc") if e.resource.type == "aws_default_route_table"

_table_vpc(e) := vpc if {
	e.resource.type == "aws_route"
	table := _route_table(e.resource)
	vpc := _target(table, ["vpc_id"], "aws_vpc")
}

_table_vpc(e) := vpc if {
	e.resource.type == "aws_route"
	table := _route_table(e.resource)
	table.type == "aws_default_route_table"
	vpc := _target(table, ["default_route_table_id"], "aws_vpc")
}

_table_vpc(e) := vpc if {
	e.resource.type == "aws_route"
	refs := [ref | some ref in e.resource.references; ref.path == ["route_table_id"]]
	count(refs) == 1
	refs[0].attribute in {"main_route_table_id", "default_route_table_id"}
	tf.names_type(refs[0].target, "aws_vpc")
	vpc := refs[0].target
}

_route_table(route) := table if {
	some table in input.resources
	table.type in {"aws_route_table", "aws_default_route_table"}
	table.address == _table_address(route)
}

_table_address(route) := ref.target if {
	refs := [ref | some ref in route.references; ref.path == ["route_table_id"]; ref.attribute == "id"]
	count(refs) == 1
	ref := refs[0]
}

# Two route entries of the same table: inline entries of one table, or aws_route resources (and
# inline entries) naming that table.
_same_table(a, b) if _table_of(a) == _table_of(b)

_table_of(e) := e.resource.address if e.resource.type != "aws_route"

_table_of(e) := _table_address(e.resource) if e.resource.type == "aws_route"

# The side of the connection the route's VPC is not.
_other_side(connection, own) := peer if {
	c := _connections[connection]
	_target(c, ["vpc_id"], "aws_vpc") == own
	peer := _target(c, ["peer_vpc_id"], "aws_vpc")
}

_other_side(connection, own) := requester if {
	c := _connections[connection]
	_target(c, ["peer_vpc_id"], "aws_vpc") == own
	requester := _target(c, ["vpc_id"], "aws_vpc")
}

_has_family(_, "cidr_block")

_has_family(vpc, "ipv6_cidr_block") if vpc.config.assign_generated_ipv6_cidr_block == true

_has_family(vpc, "ipv6_cidr_block") if {
	v := object.get(vpc.config, "ipv6_cidr_block", null)
	v != null
	v != ""
}

_more_cidrs(vpc, "cidr_block") if count(tf.referencing(vpc, "aws_vpc_ipv4_cidr_block_association", ["vpc_id"])) > 0

_more_cidrs(vpc, "ipv6_cidr_block") if count(tf.referencing(vpc, "aws_vpc_ipv6_cidr_block_association", ["vpc_id"])) > 0

# An address as the module's own code spells it (without the module's address).
_in_module(r, address) := substring(address, count(r.module) + 1, -1) if {
	startswith(address, sprintf("%s.", [r.module]))
} else := address

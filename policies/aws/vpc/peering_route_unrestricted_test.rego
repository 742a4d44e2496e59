package palisade.aws.vpc.peering_route_unrestricted_test

import data.palisade.aws.vpc.peering_route_unrestricted as rule

peering := {"$unknown": "aws_vpc_peering_connection.p.id"}

table(routes) := {"address": "aws_route_table.t", "type": "aws_route_table", "name": "t", "config": {"route": routes}, "references": []}

route(config) := {"address": "aws_route.r", "type": "aws_route", "name": "r", "config": config, "references": []}

test_fires_on_inline_route if {
	rule.deny == {{"msg": "aws_route_table.t routes 0.0.0.0/0 to a VPC peering connection", "resource": "aws_route_table.t", "path": ["route", 1]}} with input as {"resources": [table([{"cidr_block": "10.2.0.0/16", "vpc_peering_connection_id": peering}, {"cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering}])]}
	count(rule.deny) == 1 with input as {"resources": [table([{"ipv6_cidr_block": "::/0", "vpc_peering_connection_id": peering}])]}
}

test_fires_on_route_resource if {
	rule.deny == {{"msg": "aws_route.r routes 0.0.0.0/0 to a VPC peering connection", "resource": "aws_route.r", "path": []}} with input as {"resources": [route({"destination_cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering})]}
}

test_passes if {
	# the peer's CIDR only; a default route to a NAT or internet gateway; attribute syntax's empty targets
	count(rule.deny) == 0 with input as {"resources": [table([{"cidr_block": "10.2.0.0/16", "vpc_peering_connection_id": peering}, {"cidr_block": "0.0.0.0/0", "nat_gateway_id": {"$unknown": "aws_nat_gateway.n.id"}, "vpc_peering_connection_id": ""}])]}
	count(rule.deny) == 0 with input as {"resources": [route({"destination_cidr_block": "0.0.0.0/0", "gateway_id": {"$unknown": "aws_internet_gateway.g.id"}})]}
	count(rule.deny) == 0 with input as {"resources": [route({"destination_cidr_block": "10.2.0.0/16", "vpc_peering_connection_id": peering})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [route({"destination_cidr_block": {"$unknown": "var.peer_cidr"}, "vpc_peering_connection_id": peering})]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_route_table.t", "type": "aws_route_table", "name": "t", "config": {"route": {"$unknown": "local.routes"}}, "references": []}]}
}

# A module with both VPCs and the connection: a = requester, b = accepter (b has IPv6).
vpc_a := {"address": "aws_vpc.a", "type": "aws_vpc", "name": "a", "config": {"cidr_block": "10.1.0.0/16"}, "references": []}

vpc_b := {"address": "aws_vpc.b", "type": "aws_vpc", "name": "b", "config": {"cidr_block": "10.2.0.0/16", "assign_generated_ipv6_cidr_block": true}, "references": []}

connection := {
	"address": "aws_vpc_peering_connection.p", "type": "aws_vpc_peering_connection", "name": "p",
	"config": {"vpc_id": {"$unknown": "aws_vpc.a.id"}, "peer_vpc_id": {"$unknown": "aws_vpc.b.id"}},
	"references": [
		{"path": ["vpc_id"], "target": "aws_vpc.a", "attribute": "id"},
		{"path": ["peer_vpc_id"], "target": "aws_vpc.b", "attribute": "id"},
	],
}

table_in(vpc, routes) := {
	"address": sprintf("aws_route_table.%s", [vpc]), "type": "aws_route_table", "name": vpc,
	"config": {"vpc_id": {"$unknown": sprintf("aws_vpc.%s.id", [vpc])}, "route": routes},
	"references": array.concat(
		[{"path": ["vpc_id"], "target": sprintf("aws_vpc.%s", [vpc]), "attribute": "id"}],
		[{"path": ["route", i, "vpc_peering_connection_id"], "target": "aws_vpc_peering_connection.p", "attribute": "id"} | some i, _ in routes],
	),
}

route_in(table, config) := {
	"address": "aws_route.r", "type": "aws_route", "name": "r", "config": config,
	"references": [
		{"path": ["route_table_id"], "target": sprintf("aws_route_table.%s", [table]), "attribute": "id"},
		{"path": ["vpc_peering_connection_id"], "target": "aws_vpc_peering_connection.p", "attribute": "id"},
	],
}

test_fix_routes_the_peer_cidr_from_the_requester if {
	t := table_in("a", [{"cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering}])
	rule.deny == {{
		"msg": "aws_route_table.a routes 0.0.0.0/0 to a VPC peering connection", "resource": "aws_route_table.a", "path": ["route", 0],
		"fix": [{"op": "set", "path": ["route", 0, "cidr_block"], "value": {"$expr": "aws_vpc.b.cidr_block"}}],
	}} with input as {"resources": [vpc_a, vpc_b, connection, t]}
}

# The accepter's route goes back to the requester; IPv6 only when that VPC has an IPv6 block.
test_fix_from_the_accepter_side_and_ipv6 if {
	r := route_in("b", {"destination_cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering})
	some f in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, table_in("b", []), r]}
	f.fix == [{"op": "set", "path": ["destination_cidr_block"], "value": {"$expr": "aws_vpc.a.cidr_block"}}]
	v6 := route_in("a", {"destination_ipv6_cidr_block": "::/0", "vpc_peering_connection_id": peering})
	some g in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, table_in("a", []), v6]}
	g.fix == [{"op": "set", "path": ["destination_ipv6_cidr_block"], "value": {"$expr": "aws_vpc.b.ipv6_cidr_block"}}]
	v6_back := route_in("b", {"destination_ipv6_cidr_block": "::/0", "vpc_peering_connection_id": peering})
	some h in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, table_in("b", []), v6_back]}
	not h.fix
}

test_no_fix_without_the_whole_picture if {
	wildcard := [{"cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering}]

	# the peer VPC is not declared; the table's VPC is on neither side; the peer has a secondary CIDR
	some f in rule.deny with input as {"resources": [vpc_a, connection, table_in("a", wildcard)]}
	not f.fix
	some g in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, table_in("c", wildcard)]}
	not g.fix
	secondary := {"address": "aws_vpc_ipv4_cidr_block_association.s", "type": "aws_vpc_ipv4_cidr_block_association", "name": "s", "config": {"vpc_id": {"$unknown": "aws_vpc.b.id"}}, "references": [{"path": ["vpc_id"], "target": "aws_vpc.b", "attribute": "id"}]}
	some h in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, secondary, table_in("a", wildcard)]}
	not h.fix

	# another route of the table already goes over the connection
	both := table_in("a", [{"cidr_block": "10.2.0.0/16", "vpc_peering_connection_id": peering}, {"cidr_block": "0.0.0.0/0", "vpc_peering_connection_id": peering}])
	some i in rule.deny with input as {"resources": [vpc_a, vpc_b, connection, both]}
	not i.fix
}

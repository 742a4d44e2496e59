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

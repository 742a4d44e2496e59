# METADATA
# title: Network helpers
# description: CIDR and port-range checks for security group and network ACL rules.
package palisade.lib.net

import data.palisade.lib.unknown

# is_public_cidr: any address (IPv4 0.0.0.0/0 or IPv6 ::/0).
is_public_cidr(c) if {
	is_string(c)
	regex.match(`^\s*(0\.0\.0\.0|::|0:0:0:0:0:0:0:0)/0\s*$`, c)
}

# all_protocols: "-1" / "all" mean every protocol and so every port.
all_protocols(p) if p in {"-1", -1, "all"}

is_tcp(p) if p in {"tcp", "TCP", "6", 6}

is_tcp_or_udp(p) if p in {"tcp", "TCP", "6", 6, "udp", "UDP", "17", 17}

# covers_port: a rule (protocol, from, to) admits TCP traffic to port. Unknown protocol or
# ports never match.
covers_port(protocol, _, _, _) if all_protocols(protocol)

covers_port(protocol, from, to, port) if {
	is_tcp(protocol)
	unknown.known_number(from) <= port
	port <= unknown.known_number(to)
}

# all_ports: the rule admits every port (all protocols, or TCP/UDP 0/1-65535).
all_ports(protocol, _, _) if all_protocols(protocol)

all_ports(protocol, from, to) if {
	is_tcp_or_udp(protocol)
	unknown.known_number(from) <= 1
	unknown.known_number(to) >= 65535
}

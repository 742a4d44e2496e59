package palisade.lib.net_test

import data.palisade.lib.net

u := {"$unknown": "var.x"}

test_public_cidr if {
	net.is_public_cidr("0.0.0.0/0")
	net.is_public_cidr("::/0")
	not net.is_public_cidr("10.0.0.0/8")
	not net.is_public_cidr("0.0.0.0/32")
	not net.is_public_cidr(u)
}

test_covers_port if {
	net.covers_port("tcp", 0, 1024, 22)
	net.covers_port("6", "22", "22", 22)
	net.covers_port("-1", 0, 0, 22)
	not net.covers_port("udp", 22, 22, 22)
	not net.covers_port("tcp", 80, 443, 22)
	not net.covers_port("tcp", u, u, 22)
	not net.covers_port(u, 22, 22, 22)
}

test_all_ports if {
	net.all_ports("-1", 0, 0)
	net.all_ports("tcp", 0, 65535)
	not net.all_ports("tcp", 22, 65535)
	not net.all_ports("tcp", 0, u)
}

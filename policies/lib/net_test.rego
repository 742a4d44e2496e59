package palisade.lib.net_test

import data.palisade.lib.net

u := {"$unknown": "var.x"}

test_public_cidr if {
	net.is_public_cidr("0.0.0.0/0")
	net.is_public_cidr("::/0")
	not net.is_public_cidr("10.0.0.0/8")
	not net.is_public_cidr("0.0.0.0/32")
	not net.is_public_cidr("0.1.0.0/0")
	not net.is_public_cidr(u)
}

test_public_cidr_spellings if {
	net.is_public_cidr(" 0.0.0.0/0\n")
	net.is_public_cidr("\t::/0\r\f")
	net.is_public_cidr("0:0:0:0:0:0:0:0/0")
	not net.is_public_cidr("\u000b0.0.0.0/0")
	not net.is_public_cidr("\u00a00.0.0.0/0")
	not net.is_public_cidr("0.0.0.0/0 x")
	not net.is_public_cidr("00.0.0.0/0")
	not net.is_public_cidr("0.0.0.0/00")
	not net.is_public_cidr("::0/0")
	not net.is_public_cidr("")
	not net.is_public_cidr(0)
	not net.is_public_cidr(["0.0.0.0/0"])
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

# The provider lower-cases protocol names, so any case means the same protocol.
test_protocol_names_in_any_case if {
	net.covers_port("Tcp", 22, 22, 22)
	net.covers_port("TCP", 22, 22, 22)
	net.all_ports("ALL", 0, 0)
	net.covers_l4_port("Udp", 445, 445, 445)
	not net.covers_port("UDP", 22, 22, 22)
}

test_covers_l4_port if {
	net.covers_l4_port("udp", 440, 450, 445)
	net.covers_l4_port("tcp", 445, 445, 445)
	net.covers_l4_port("-1", 0, 0, 445)
	not net.covers_l4_port("icmp", 445, 445, 445)
	not net.covers_l4_port("udp", u, 450, 445)
}

test_network_classes if {
	net.ipv4_prefix("1.2.3.4/26") == 26
	not net.ipv4_prefix("10.68.0.0")
	net.is_public_network("12.0.0.0/25")
	not net.is_public_network("10.92.168.0/28")
	not net.is_public_network("0.0.0.0/0")
	not net.is_public_network("0.0.0.0/28")
	net.is_wide_private_network("10.0.0.0/8")
	net.is_wide_private_network("172.16.0.0/12")
	net.is_wide_private_network("192.168.0.0/16")
	not net.is_wide_private_network("10.0.0.0/16")
	not net.is_wide_private_network("192.168.1.0/24")
	not net.is_wide_private_network("0.0.0.0/0")
	not net.is_wide_private_network(u)
}

test_exposed_services if {
	net.exposed_services("udp", 440, 450, net.sensitive_ports) == ["SMB (445)"]
	net.exposed_services("tcp", 20, 23, {22: "SSH", 80: "HTTP"}) == ["SSH (22)"]
	net.exposed_services("tcp", u, 23, net.sensitive_ports) == []
}

# Round 44 (ElectricEye's security group auditor): the unauthenticated file services, the kubelet
# API and the management and broker ports it lists.
test_round_44_services if {
	net.exposed_services("udp", 69, 69, net.sensitive_ports) == ["TFTP (69)"]
	net.exposed_services("tcp", 873, 873, net.sensitive_ports) == ["rsync (873)"]
	net.exposed_services("tcp", 10250, 10250, net.sensitive_ports) == ["kubelet API (10250)"]
	net.exposed_services("tcp", 4040, 9142, {p: n | some p, n in net.sensitive_ports; p in {4040, 5672, 8089, 8182, 9142}}) == ["AMQP (5672)", "Cassandra (TLS) (9142)", "Gremlin (8182)", "Spark UI (4040)", "Splunk management (8089)"]
}

test_network_spilling_into_public if {
	net.is_network_spilling_into_public("10.0.0.0/7")
	net.is_network_spilling_into_public(" 192.168.0.0/15")
	net.is_network_spilling_into_public("169.254.0.0/15")
	net.is_network_spilling_into_public("126.0.0.0/7")
	not net.is_network_spilling_into_public("10.0.0.0/8")
	not net.is_network_spilling_into_public("172.16.0.0/12")
	not net.is_network_spilling_into_public("100.64.0.0/20")
	not net.is_network_spilling_into_public("16.0.0.0/5")
	not net.is_network_spilling_into_public("0.0.0.0/0")
	not net.is_network_spilling_into_public("1.2.3.0/24")
	not net.is_network_spilling_into_public("1.2.3.4/5")
	not net.is_network_spilling_into_public("10.99.99.99/7")
}

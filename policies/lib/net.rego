# METADATA
# title: Network helpers
# description: CIDR and port-range checks for security group and network ACL rules.
package palisade.lib.net

import data.palisade.lib.unknown

# is_public_cidr: any address (IPv4 0.0.0.0/0 or IPv6 ::/0). Terraform rejects a CIDR with
# host bits set (1.2.3.4/0), so only the canonical forms count, with blanks around them allowed
# (space, tab, CR, LF, FF: what `^\s*…\s*$` admitted; a set lookup costs less than a regex).
is_public_cidr(c) if {
	is_string(c)
	trim(c, " \t\n\f\r") in _any_address_cidrs
}

_any_address_cidrs := {"0.0.0.0/0", "::/0", "0:0:0:0:0:0:0:0/0"}

# covers_l4_port: a rule (protocol, from, to) admits TCP or UDP traffic to port.
covers_l4_port(protocol, _, _, _) if all_protocols(protocol)

covers_l4_port(protocol, from, to, port) if {
	is_tcp_or_udp(protocol)
	unknown.known_number(from) <= port
	port <= unknown.known_number(to)
}

# ipv4_prefix(c): the prefix length of an IPv4 CIDR written as a.b.c.d/n (undefined otherwise).
ipv4_prefix(c) := to_number(parts[1]) if {
	is_string(c)
	parts := split(trim_space(c), "/")
	count(parts) == 2
	regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}$`, parts[0])
	regex.match(`^[0-9]{1,2}$`, parts[1])
	to_number(parts[1]) <= 32
}

# RFC 1918 blocks, and the other ranges that are not routable on the internet.
private_blocks := {"10.0.0.0/8": 8, "172.16.0.0/12": 12, "192.168.0.0/16": 16}

_non_public_blocks := {"0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}

# is_public_network(c): an IPv4 network of internet-routable addresses (not /0: that is everyone).
is_public_network(c) if {
	ipv4_prefix(c) > 0
	not _inside_any(c, _non_public_blocks)
}

# is_network_spilling_into_public(c): an IPv4 network that holds a whole private or reserved block and more, e.g.
# 10.0.0.0/7 (10/8 plus the public 11/8), 192.168.0.0/15, 169.254.0.0/15 or 126.0.0.0/7 (127/8 plus the
# public 126/8): a private range written with too short a prefix, admitting internet addresses beside it.
# Only a network address counts: the provider rejects 1.2.3.4/5 (host bits set), which OPA would
# otherwise read as 0.0.0.0/5.
is_network_spilling_into_public(c) if {
	prefix := ipv4_prefix(c)
	prefix > 0
	octets := [to_number(x) | some x in split(split(trim_space(c), "/")[0], ".")]
	((((((octets[0] * 256) + octets[1]) * 256) + octets[2]) * 256) + octets[3]) % bits.lsh(1, 32 - prefix) == 0
	not _inside_any(c, _non_public_blocks)
	some block in _non_public_blocks
	net.cidr_contains(trim_space(c), block)
}

# is_wide_private_network(c): a network spanning a whole RFC 1918 block (10.0.0.0/8,
# 172.16.0.0/12 or 192.168.0.0/16), i.e. every private network that uses that range —
# peered VPCs, VPN and office networks included.
is_wide_private_network(c) if {
	prefix := ipv4_prefix(c)
	prefix > 0
	some block, block_prefix in private_blocks
	prefix <= block_prefix
	net.cidr_intersects(block, trim_space(c))
}

_inside_any(c, blocks) if {
	some block in blocks
	net.cidr_contains(block, trim_space(c))
}

# all_protocols: "-1" / "all" mean every protocol and so every port.
all_protocols(p) if _protocol(p) in {"-1", -1, "all"}

is_tcp(p) if _protocol(p) in {"tcp", "6", 6}

is_tcp_or_udp(p) if _protocol(p) in {"tcp", "6", 6, "udp", "17", 17}

# The provider lower-cases a protocol name before it sends it ("Tcp", "TCP" and "ALL" are
# tcp and all), so names are compared in lower case; numbers stay as they are.
_protocol(p) := lower(p) if is_string(p)

_protocol(p) := p if not is_string(p)

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

# sensitive_ports: services that should never face networks beyond the hosts that need them —
# remote administration, file sharing (SMB, NFS: an EFS mount target answers any client its
# security group admits), directories, databases and caches, cluster-internal
# control planes (etcd holds a Kubernetes cluster's secrets; SaltStack's master ports ran
# unauthenticated commands in CVE-2020-11651; Cassandra and Elasticsearch node-to-node ports
# trust their peers; the HDFS NameNode's RPC port and web UI serve the file system to anyone when
# Hadoop runs in its default simple authentication), management consoles. Kerberos (88, 464, 749):
# a KDC answers for any user name and its admin ports change credentials; Kafka's default listener
# (9092) takes unauthenticated clients; Cassandra's JMX (7199) and Thrift (9160) ports; IMAP (143),
# on Security Hub's EC2.19 list beside POP3 (round 32, Prowler). Round 44 (ElectricEye's security
# group auditor): TFTP (69/udp) and rsync (873) serve files without authentication, the kubelet API
# (10250) runs commands in pods when anonymous auth is on, Splunk's management port (8089) is its
# admin REST API, Spark's UI (4040) shows and kills jobs without a login, AMQP (5672) is RabbitMQ's
# plain-text port, Cassandra's TLS client port (9142) is a database port like 9042, and 8182 is
# the Gremlin endpoint of graph databases (Neptune) and vSphere's HA agent.
sensitive_ports := {
	20: "FTP data", 21: "FTP", 22: "SSH", 23: "Telnet", 25: "SMTP", 69: "TFTP", 88: "Kerberos", 110: "POP3",
	135: "MSRPC",
	137: "NetBIOS name", 138: "NetBIOS datagram", 139: "NetBIOS session", 143: "IMAP", 161: "SNMP",
	162: "SNMP trap", 389: "LDAP", 445: "SMB", 464: "Kerberos password change", 636: "LDAP (TLS)",
	749: "Kerberos administration", 873: "rsync", 1433: "SQL Server", 1434: "SQL Server browser", 1521: "Oracle",
	1522: "Oracle (TCPS)", 2049: "NFS", 2375: "Docker API", 2376: "Docker API (TLS)",
	2379: "etcd", 2380: "etcd peer", 2382: "SQL Server Analysis Services browser",
	2383: "SQL Server Analysis Services", 2483: "Oracle listener", 2484: "Oracle (TLS)", 3306: "MySQL", 3389: "RDP",
	4040: "Spark UI", 4333: "mSQL", 4505: "SaltStack publisher", 4506: "SaltStack request server",
	5432: "PostgreSQL", 5500: "VNC", 5601: "Kibana", 5672: "AMQP", 5800: "VNC over HTTP", 5900: "VNC",
	6379: "Redis", 7000: "Cassandra inter-node", 7001: "Cassandra inter-node (TLS)", 7199: "Cassandra JMX",
	8020: "HDFS NameNode", 8089: "Splunk management", 8140: "Puppet", 8182: "Gremlin", 9042: "Cassandra",
	9092: "Kafka", 9142: "Cassandra (TLS)", 9160: "Cassandra Thrift",
	9200: "Elasticsearch", 9300: "Elasticsearch transport", 9870: "HDFS NameNode web UI", 10250: "kubelet API",
	11211: "Memcached", 11214: "Memcached (TLS)", 11215: "Memcached (TLS)", 27017: "MongoDB",
	27018: "MongoDB shard", 27019: "MongoDB config server", 50070: "HDFS NameNode web UI",
	61621: "Cassandra OpsCenter",
}

# exposed_services(protocol, from, to, ports): "Name (port)" for each port of the map the rule
# admits over TCP or UDP, sorted.
exposed_services(protocol, from, to, ports) := sort([sprintf("%s (%d)", [name, port]) |
	some port, name in ports
	covers_l4_port(protocol, from, to, port)
])

# METADATA
# title: Lightsail instance opens an administration or database port to the internet
# description: |
#   An aws_lightsail_instance_public_ports port_info opens SSH, RDP, a database or another
#   sensitive service (or every port) to 0.0.0.0/0 or ::/0, or names no source at all, which
#   Lightsail's firewall takes as every IPv4 address. The instance then faces password guessing and
#   exploits from the whole internet. Restrict such ports to known addresses, or to the
#   lightsail-connect alias for the browser-based SSH/RDP client.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lightsail/latest/userguide/understanding-firewall-and-port-mappings-in-amazon-lightsail.html
#   - ref: https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_PortInfo.html
# custom:
#   id: PAL-AWS-LIGHTSAIL-001
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_lightsail_instance_public_ports]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-284"]
#   remediation: List only known addresses in cidrs / ipv6_cidrs (or cidr_list_aliases = ["lightsail-connect"]) for administration and database ports.
#   fixable: false
package palisade.aws.lightsail.instance_public_sensitive_port

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# One finding per open source of a port_info block: on the public CIDR when one is listed, on the
# block when it names no source. No fix: the trusted addresses are the owner's to choose.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_lightsail_instance_public_ports")
	some i, b in tf.blocks(r, "port_info")
	services := exposed(b)
	some path in public_sources(b, ["port_info", i])
	msg := sprintf("%s opens %s to the internet", [r.address, services])
}

exposed(b) := "every port" if {
	net.all_ports(b.protocol, b.from_port, b.to_port)
} else := concat(", ", names) if {
	names := net.exposed_services(b.protocol, b.from_port, b.to_port, net.sensitive_ports)
	count(names) > 0
}

public_sources(b, prefix) := [array.concat(prefix, [key, j]) |
	some key in ["cidrs", "ipv6_cidrs"]
	some j, c in unknown.items(object.get(b, key, []))
	net.is_public_cidr(c)
] if {
	not no_source(b)
} else := [prefix]

# PortInfo with no cidrs, ipv6Cidrs or cidrListAliases is open to every IPv4 address (the
# console's "Any IPv4 address"); an unknown list may restrict it.
no_source(b) if {
	every key in ["cidrs", "ipv6_cidrs", "cidr_list_aliases"] {
		object.get(b, key, []) in {[], null}
	}
}

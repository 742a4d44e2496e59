# METADATA
# title: Network ACL allows SSH or RDP from the internet
# description: |
#   A network ACL entry allows inbound traffic to port 22 or 3389 (or to all ports) from
#   0.0.0.0/0 or ::/0, or from a private or reserved range written with too short a prefix so that
#   it spills into public addresses (10.0.0.0/7 holds the public 11.0.0.0/8). Network ACLs are the subnet-wide backstop behind security groups; leaving
#   remote administration open there removes that second layer for every instance in the subnet.
#   Entries are read in rule-number order, as AWS applies them: an allow that a lower-numbered
#   deny of the same ACL already closes to every address is not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: PAL-AWS-VPC-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_network_acl, aws_network_acl_rule]
#   frameworks:
#     cis-aws-2.0: ["5.1"]
#   references:
#     checkov: [CKV_AWS_231, CKV_AWS_232]
#     kics: [3af7f2fd-06e6-4dab-b996-2912bea19ba4, a20be318-cac7-457b-911d-04cc6e812c25]
#   cwe: ["CWE-284"]
#   remediation: Deny, or allow only from known CIDRs, inbound ports 22 and 3389 in the network ACL.
#   fixable: false
package palisade.aws.vpc.nacl_ingress_public_admin

import data.palisade.lib.net
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

admin_ports := {22: "SSH", 3389: "RDP"}

# Entries: inline ingress blocks and aws_network_acl_rule with egress unset/false, each with the
# ACL it belongs to and its rule number (AWS evaluates an ACL's entries in rule-number order and
# the first that matches decides).
entries contains entry(r, ["ingress", i], b, r.address, object.get(b, "rule_no", null)) if {
	# aws_default_network_acl is left out: its usual allow-all rules restate the AWS default
	# that every VPC starts with, and reporting them on every VPC would drown real findings.
	some r in tf.resources("aws_network_acl")
	some i, b in tf.blocks(r, "ingress")
}

entries contains entry(r, [], r.config, acl_key(r), object.get(r.config, "rule_number", null)) if {
	some r in tf.resources("aws_network_acl_rule")

	# unknown.is_false: egress = "false" (a variable's string default) is an ingress rule too.
	unknown.is_false(object.get(r.config, "egress", false))
}

entry(r, prefix, rule, acl, number) := {
	"resource": r, "prefix": prefix, "rule": rule, "acl": acl, "number": number,
	"action": lower(object.get(rule, "action", object.get(rule, "rule_action", ""))),
}

# Rule resources belong to the same ACL when their network_acl_id references the same resource
# or is the same literal id; a rule whose ACL is not known shares it with no other.
acl_key(r) := concat("", ["ref:", ref.target]) if {
	some ref in r.references
	ref.path == ["network_acl_id"]
} else := concat("", ["id:", r.config.network_acl_id]) if {
	is_string(r.config.network_acl_id)
} else := concat("", ["self:", r.address])

# On the rule entry (the ingress block, or the aws_network_acl_rule): port and source together
# make the exposure, unless a deny entry of the same ACL with a lower rule number already drops
# that port from every address of the family (Checkov's NACL checks evaluate in the same order).
deny contains result.fail(e.resource, e.prefix, msg) if {
	some e in entries
	e.action == "allow"
	some key in ["cidr_block", "ipv6_cidr_block"]
	cidr := e.rule[key]
	internet_source(cidr)
	exposed := sort([sprintf("%s (%d)", [name, port]) |
		some port, name in admin_ports
		net.covers_port(e.rule.protocol, object.get(e.rule, "from_port", null), object.get(e.rule, "to_port", null), port)
		not shadowed(e, key, port)
	])
	count(exposed) > 0
	msg := sprintf("%s allows %s from %s", [e.resource.address, concat(", ", exposed), cidr])
}

# The internet: any address, or a private or reserved range written with too short a prefix, which
# admits the public addresses beside it (10.0.0.0/7 holds the public 11.0.0.0/8).
internet_source(cidr) if net.is_public_cidr(cidr)

internet_source(cidr) if net.is_network_spilling_into_public(cidr)

wide := {"cidr_block": "0.0.0.0/0", "ipv6_cidr_block": "::/0"}

shadowed(e, key, port) if {
	some d in entries
	d.action == "deny"
	d.acl == e.acl
	unknown.known_number(d.number) < unknown.known_number(e.number)
	d.rule[key] == wide[key]
	net.covers_port(d.rule.protocol, object.get(d.rule, "from_port", null), object.get(d.rule, "to_port", null), port)
}

# METADATA
# title: Security group rule helpers
# description: |
#   One shape for the three ways Terraform writes a security group rule: inline ingress/egress
#   blocks (aws_security_group, aws_default_security_group), aws_security_group_rule, and
#   aws_vpc_security_group_ingress_rule / _egress_rule. Each entry:
#   {"resource": {"address"}, "direction", "path" (of the rule inside config, [] for a rule
#   resource), "protocol", "from", "to", "description", "cidrs": [{"value", "path"}]}. A registry
#   module's list entry also has "item" ([argument, index]: the map that is the rule).
#   The resource is named by its address alone (what result.fail and messages read): a set's
#   members are keyed and ordered by their whole value, and whole configurations made that costly.
package palisade.lib.sg

import data.palisade.lib.modules
import data.palisade.lib.net
import data.palisade.lib.unknown

group_types := {"aws_security_group", "aws_default_security_group"}

# aws_vpc_security_group_ingress_rule / _egress_rule → direction.
_vpc_rule_directions := {"aws_vpc_security_group_ingress_rule": "ingress", "aws_vpc_security_group_egress_rule": "egress"}

# The unit's resources that hold rules, found in one pass.
_rule_holders := [r |
	some r in input.resources
	_holds_rules(r.type)
]

_holds_rules(resource_type) if resource_type in group_types

_holds_rules("aws_security_group_rule")

_holds_rules(resource_type) if _vpc_rule_directions[resource_type]

# Registry-module arguments that hold rule lists: argument → [direction, CIDR attribute].
_module_rule_args := {
	"ingress_with_cidr_blocks": ["ingress", "cidr_blocks"],
	"ingress_with_ipv6_cidr_blocks": ["ingress", "ipv6_cidr_blocks"],
	"egress_with_cidr_blocks": ["egress", "cidr_blocks"],
	"egress_with_ipv6_cidr_blocks": ["egress", "ipv6_cidr_blocks"],
}

# rules: every entry, as a sorted list: the order a set of them would be iterated in (so rules
# report in the same order), without a set's canonical key for each member, which cost more than
# the rules that read them.
rules := sort(array.concat(
	array.concat(_group_entries, _rule_resource_entries),
	array.concat(_vpc_rule_entries, array.concat(_module_entries, _module_named_entries)),
))

# Blocks and their CIDR lists are read inline, lists only (as tf.blocks and unknown.items read
# them): a function keys its memo by an array argument's whole value (a block list, a path), which
# cost more than the lookups themselves.
_group_entries := [entry |
	some r in _rule_holders
	r.type in group_types
	some direction in ["ingress", "egress"]
	blocks := object.get(r.config, direction, [])
	is_array(blocks)
	some i, b in blocks
	entry := {
		"resource": {"address": r.address},
		"direction": direction,
		"path": [direction, i],
		"protocol": object.get(b, "protocol", null),
		"from": object.get(b, "from_port", null),
		"to": object.get(b, "to_port", null),
		"description": object.get(b, "description", null),
		"cidrs": [{"value": c, "path": [direction, i, key, j]} |
			some key in ["cidr_blocks", "ipv6_cidr_blocks"]
			cidrs := object.get(b, key, null)
			is_array(cidrs)
			some j, c in cidrs
		],
	}
]

_rule_resource_entries := [entry |
	some r in _rule_holders
	r.type == "aws_security_group_rule"
	r.config.type in {"ingress", "egress"}
	entry := {
		"resource": {"address": r.address},
		"direction": r.config.type,
		"path": [],
		"protocol": object.get(r.config, "protocol", null),
		"from": object.get(r.config, "from_port", null),
		"to": object.get(r.config, "to_port", null),
		"description": object.get(r.config, "description", null),
		"cidrs": [{"value": c, "path": [key, j]} |
			some key in ["cidr_blocks", "ipv6_cidr_blocks"]
			cidrs := object.get(r.config, key, null)
			is_array(cidrs)
			some j, c in cidrs
		],
	}
]

_vpc_rule_entries := [entry |
	some r in _rule_holders
	direction := _vpc_rule_directions[r.type]
	protocol := object.get(r.config, "ip_protocol", null)
	entry := {
		"resource": {"address": r.address},
		"direction": direction,
		"path": [],
		"protocol": protocol,
		# ip_protocol "-1" has no ports; from/to are absent then.
		"from": object.get(r.config, "from_port", null),
		"to": object.get(r.config, "to_port", null),
		"description": object.get(r.config, "description", null),
		"cidrs": [{"value": r.config[key], "path": [key]} | some key in ["cidr_ipv4", "cidr_ipv6"]; r.config[key] != null],
	}
]

# The registry module terraform-aws-modules/security-group/aws takes rules as lists of maps
# (the _module_rule_args above); its cidr_blocks is a comma-separated string (a list is accepted
# too). Such a rule is placed on the argument: the list's elements are anonymous maps.
# An entry may name one of the module's predefined rules (`rule = "ssh-tcp"`) instead of giving
# ports and protocol, and may leave out its CIDRs: the call's `<direction>_cidr_blocks` (or
# `_ipv6_cidr_blocks`) apply then.
_module_entries := [entry |
	some m in modules.opaque_calls("security-group")
	some arg, spec in _module_rule_args
	some i, b in unknown.items(object.get(m.config, arg, null))
	is_object(b)
	named := object.get(named_rules, object.get(b, "rule", ""), [null, null, null])
	entry := {
		"resource": {"address": m.address},
		"direction": spec[0],
		"path": [arg],
		"item": [arg, i],
		"protocol": object.get(b, "protocol", named[2]),
		"from": object.get(b, "from_port", named[0]),
		"to": object.get(b, "to_port", named[1]),
		"description": object.get(b, "description", null),
		"cidrs": _module_entry_cidrs(m, b, spec, [arg, i, spec[1]]),
	}
]

_module_entry_cidrs(_, b, spec, path) := _module_cidrs(b[spec[1]], path) if b[spec[1]] != null

_module_entry_cidrs(m, b, spec, path) := _module_list_cidrs(m, sprintf("%s_%s", [spec[0], spec[1]]), array.slice(path, 0, 2)) if {
	object.get(b, spec[1], null) == null
}

# The module's named rules (`ingress_rules = ["ssh-tcp"]`) apply to the call's CIDR lists. The
# submodules (`//modules/ssh`, `//modules/mysql`, …) add their service's rules themselves, and
# open all egress; the CIDR lists default to none for ingress and to any address for egress.
_module_named_entries := [entry |
	some m in modules.opaque_calls("security-group")
	some direction in ["ingress", "egress"]
	some [name, rule_path] in _module_rule_names(m, direction)
	rule := named_rules[name]
	cidrs := array.concat(
		_module_list_cidrs(m, sprintf("%s_cidr_blocks", [direction]), rule_path),
		_module_list_cidrs(m, sprintf("%s_ipv6_cidr_blocks", [direction]), rule_path),
	)
	entry := {
		"resource": {"address": m.address},
		"direction": direction,
		"path": rule_path,
		"protocol": rule[2],
		"from": rule[0],
		"to": rule[1],
		# The module describes each named rule (its rules.tf): "SSH", "HTTP", …
		"description": name,
		"cidrs": cidrs,
	}
]

# [name, path]: the names the call lists (at their place in the list) and those its submodule
# adds (on the call).
_module_rule_names(m, direction) := {[name, [arg, i]] |
	arg := sprintf("%s_rules", [direction])
	some i, name in unknown.items(object.get(m.config, arg, []))
} | {[name, []] | some name in object.get(_submodule_rules[modules.submodule(m.source)], direction, [])}

# The CIDRs of a list argument, each on its place; when the argument is left to its default, on
# `fallback` (the rule that opens them).
_module_list_cidrs(m, arg, _) := [{"value": c, "path": [arg, j]} |
	some j, c in unknown.items(m.config[arg])
] if {
	m.config[arg] != null
}

_module_list_cidrs(m, arg, fallback) := [{"value": c, "path": fallback} | some c in _module_cidr_defaults[arg]] if {
	object.get(m.config, arg, null) == null
}

_module_cidr_defaults := {
	"ingress_cidr_blocks": [],
	"ingress_ipv6_cidr_blocks": [],
	"egress_cidr_blocks": ["0.0.0.0/0"],
	"egress_ipv6_cidr_blocks": ["::/0"],
}

# named_rules: the registry module's predefined rules that reach the ports the pack judges, as
# [from, to, protocol] (its rules.tf; other names are not judged).
named_rules := {
	"all-all": [-1, -1, "-1"], "all-tcp": [0, 65535, "tcp"], "all-udp": [0, 65535, "udp"],
	"ssh-tcp": [22, 22, "tcp"], "rdp-tcp": [3389, 3389, "tcp"], "rdp-udp": [3389, 3389, "udp"],
	"http-80-tcp": [80, 80, "tcp"], "http-8080-tcp": [8080, 8080, "tcp"],
	"https-443-tcp": [443, 443, "tcp"], "https-8443-tcp": [8443, 8443, "tcp"],
	"mysql-tcp": [3306, 3306, "tcp"], "postgresql-tcp": [5432, 5432, "tcp"],
	"mssql-tcp": [1433, 1433, "tcp"], "mssql-udp": [1434, 1434, "udp"], "mssql-analytics-tcp": [2383, 2383, "tcp"],
	"oracle-db-tcp": [1521, 1521, "tcp"], "redis-tcp": [6379, 6379, "tcp"], "memcached-tcp": [11211, 11211, "tcp"],
	"mongodb-27017-tcp": [27017, 27017, "tcp"], "mongodb-27018-tcp": [27018, 27018, "tcp"],
	"redshift-tcp": [5439, 5439, "tcp"], "cassandra-clients-tcp": [9042, 9042, "tcp"],
	"elasticsearch-rest-tcp": [9200, 9200, "tcp"], "kibana-tcp": [5601, 5601, "tcp"],
	"smtp-tcp": [25, 25, "tcp"], "puppet-tcp": [8140, 8140, "tcp"],
	"winrm-http-tcp": [5985, 5985, "tcp"], "winrm-https-tcp": [5986, 5986, "tcp"],
}

# The submodules of those services: the rules each adds (its auto_ingress_rules / auto_egress_rules).
_submodule_rules := {
	"ssh": {"ingress": ["ssh-tcp"], "egress": ["all-all"]},
	"rdp": {"ingress": ["rdp-tcp", "rdp-udp"], "egress": ["all-all"]},
	"http-80": {"ingress": ["http-80-tcp"], "egress": ["all-all"]},
	"http-8080": {"ingress": ["http-8080-tcp"], "egress": ["all-all"]},
	"https-443": {"ingress": ["https-443-tcp"], "egress": ["all-all"]},
	"https-8443": {"ingress": ["https-8443-tcp"], "egress": ["all-all"]},
	"mysql": {"ingress": ["mysql-tcp"], "egress": ["all-all"]},
	"postgresql": {"ingress": ["postgresql-tcp"], "egress": ["all-all"]},
	"mssql": {"ingress": ["mssql-tcp", "mssql-udp", "mssql-analytics-tcp"], "egress": ["all-all"]},
	"oracle-db": {"ingress": ["oracle-db-tcp"], "egress": ["all-all"]},
	"redis": {"ingress": ["redis-tcp"], "egress": ["all-all"]},
	"memcached": {"ingress": ["memcached-tcp"], "egress": ["all-all"]},
	"mongodb": {"ingress": ["mongodb-27017-tcp", "mongodb-27018-tcp"], "egress": ["all-all"]},
	"redshift": {"ingress": ["redshift-tcp"], "egress": ["all-all"]},
	"winrm": {"ingress": ["winrm-http-tcp", "winrm-https-tcp"], "egress": ["all-all"]},
	"": {},
}

_module_cidrs(v, path) := [{"value": trim_space(c), "path": path} | some c in split(v, ",")] if is_string(v)

else := [{"value": c, "path": array.concat(path, [j])} | some j, c in v] if is_array(v)

else := []

# public_cidrs(entry): the rule's CIDRs that admit any address.
public_cidrs(entry) := [c | some c in entry.cidrs; net.is_public_cidr(c.value)]

# Facts the rules share, computed once per unit.

# public_ingress / public_egress: [entry, its public CIDRs] for each rule that admits any address.
public_ingress := [[entry, cidrs] | some [entry, cidrs] in _public; entry.direction == "ingress"]

public_egress := [[entry, cidrs] | some [entry, cidrs] in _public; entry.direction == "egress"]

_public := [[entry, cidrs] |
	some entry in rules
	count(entry.cidrs) > 0
	cidrs := public_cidrs(entry)
	count(cidrs) > 0
]

# ingress: the ingress entries.
ingress := [entry | some entry in rules; entry.direction == "ingress"]

# cidr_values: every distinct CIDR the rules name, so a rule can classify each value once.
cidr_values contains cidr.value if {
	some entry in rules
	some cidr in entry.cidrs
}

# METADATA
# title: Security group rule helpers
# description: |
#   One shape for the three ways Terraform writes a security group rule: inline ingress/egress
#   blocks (aws_security_group, aws_default_security_group), aws_security_group_rule, and
#   aws_vpc_security_group_ingress_rule / _egress_rule. Each entry:
#   {"resource": {"address"}, "direction", "path" (of the rule inside config, [] for a rule
#   resource), "protocol", "from", "to", "description", "cidrs": [{"value", "path"}]}.
#   The resource is named by its address alone (what result.fail and messages read): a set's
#   members are keyed and ordered by their whole value, and whole configurations made that costly.
package palisade.lib.sg

import data.palisade.lib.modules
import data.palisade.lib.net
import data.palisade.lib.tf
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
rules := sort(array.concat(array.concat(_group_entries, _rule_resource_entries), array.concat(_vpc_rule_entries, _module_entries)))

_group_entries := [entry |
	some r in _rule_holders
	r.type in group_types
	some direction in ["ingress", "egress"]
	some i, b in tf.blocks(r, direction)
	entry := {
		"resource": {"address": r.address},
		"direction": direction,
		"path": [direction, i],
		"protocol": object.get(b, "protocol", null),
		"from": object.get(b, "from_port", null),
		"to": object.get(b, "to_port", null),
		"description": object.get(b, "description", null),
		"cidrs": _cidrs(b, [direction, i], ["cidr_blocks", "ipv6_cidr_blocks"]),
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
		"cidrs": _cidrs(r.config, [], ["cidr_blocks", "ipv6_cidr_blocks"]),
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
_module_entries := [entry |
	some m in modules.opaque_calls("security-group")
	some arg, spec in _module_rule_args
	some i, b in unknown.items(object.get(m.config, arg, null))
	is_object(b)
	entry := {
		"resource": {"address": m.address},
		"direction": spec[0],
		"path": [arg],
		"protocol": object.get(b, "protocol", null),
		"from": object.get(b, "from_port", null),
		"to": object.get(b, "to_port", null),
		"description": object.get(b, "description", null),
		"cidrs": _module_cidrs(object.get(b, spec[1], null), [arg, i, spec[1]]),
	}
]

_module_cidrs(v, path) := [{"value": trim_space(c), "path": path} | some c in split(v, ",")] if is_string(v)

else := [{"value": c, "path": array.concat(path, [j])} | some j, c in v] if is_array(v)

else := []

_cidrs(obj, prefix, keys) := [{"value": c, "path": array.concat(prefix, [key, j])} |
	some key in keys
	some j, c in unknown.items(object.get(obj, key, null))
]

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

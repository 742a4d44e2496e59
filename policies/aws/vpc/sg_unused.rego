# METADATA
# title: Security group is not used
# description: |
#   A security group that nothing in the module attaches is dead configuration: its rules are never
#   reviewed against a real workload, yet anyone can attach it later and inherit whatever it allows.
#   Remove it, or attach it where it is meant to be used.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html
# custom:
#   id: PAL-AWS-VPC-016
#   severity: info
#   formats: [terraform]
#   resource_types: [aws_security_group]
#   references:
#     checkov: CKV2_AWS_5
#     kics: 4849211b-ac39-479e-ae78-5694d506cb24
#   remediation: Delete the security group or attach it to the resource it was made for.
#   fixable: false
package palisade.aws.vpc.sg_unused

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Resources that configure a group rather than use it.
rule_types := {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}

# Attributes through which resources name their security groups.
group_attributes := {"security_groups", "vpc_security_group_ids", "security_group_ids"}

# The module's groups.
groups := tf.resources("aws_security_group")

_group_addresses contains sg.address if some sg in groups

# "aws_security_group.x[": how a reference to one instance of each group begins.
_group_instance_prefixes contains concat("", [address, "["]) if some address in _group_addresses

# Advisory: the group may be attached from another module or by hand.
warn contains result.fail(sg, [], msg) if {
	not unresolved_attachment
	some sg in groups
	not sg.address in used
	msg := sprintf("%s is not attached to anything in this module", [sg.address])
}

# A group is used when something attaches it by reference or by name (_attached: set lookups over
# the references and the top-level group attributes), or names it in text at any depth (below).
# The text search marshals configurations, so it only looks for the groups not attached otherwise
# (often none): `used` is the same set either way.
used contains address if some address in _attached

# A group list written as a string ("aws_security_group.x.id", or an unknown's expression text),
# at any depth, still names the group. Walking every configuration node is costly, so only the
# configurations that may name a group are walked: their JSON text (marshalled natively, and kept
# per value for re-scans) holds one of the attribute names and the JSON form of the group's prefix
# (escaping is per character, so a string holding the prefix marshals to text holding its escaped
# form); only that group's prefix is then sought in the strings. An unknown's text is a string node
# of its own (path [..., "$unknown"]), so strings alone cover unknowns too.
used contains address if {
	count(_unattached_prefixes) > 0
	some r in input.resources
	text := json.marshal(r.config)
	contains(text, "aws_security_group.")
	_has_group_attribute_key(text)
	some [address, scope, prefix, marshalled_prefix] in _unattached_prefixes
	contains(text, marshalled_prefix)
	tf.scope(r.address) == scope
	walk(r.config, [path, v])
	is_string(v)
	contains(v, prefix)
	_under_group_attribute(path)
}

# Modules carry no references: their arguments still show the expression (`aws_security_group.x.id`).
used contains address if {
	count(_unattached_prefixes) > 0
	some m in object.get(input, "modules", [])
	text := json.marshal(m.config)
	contains(text, "aws_security_group.")
	some [address, scope, prefix, marshalled_prefix] in _unattached_prefixes
	contains(text, marshalled_prefix)
	tf.scope(m.address) == scope
	walk(m.config, [_, v])
	is_string(v)
	contains(v, prefix)
}

# A reference from anything but a rule resource (or the group itself) uses the group. The three
# forms of tf.refers_to are answered by set lookups, so the cost follows the number of references,
# not references times groups. The reference names the group itself:
_attached contains target if {
	some [target, referrer] in _references
	target in _group_addresses
	target != referrer
}

# ... or one instance of it (`aws_security_group.x[0]` names `aws_security_group.x`, un-expanded
# because its count is unknown):
_attached contains address if {
	some [target, referrer] in _references
	strings.any_prefix_match(target, _group_instance_prefixes)
	some address in _unkeyed_forms(target)
	address in _group_addresses
	address != referrer
}

# ... or every instance: a splat or un-keyed `aws_security_group.x` (a keyed module call's
# `module.m`) reaches `aws_security_group.x[0]` (`module.m["a"].aws_security_group.y`).
_attached contains sg.address if {
	some sg in groups
	some unkeyed in _unkeyed_forms(sg.address)
	unkeyed in _reference_targets
	some [target, referrer] in _references
	target == unkeyed
	referrer != sg.address
}

# Classic and default-VPC instances name their groups in security_groups.
_attached contains sg.address if {
	some sg in groups
	name := unknown.known_string(sg.config.name)
	name in _names_in_group_attributes
}

# [target, referrer] for every reference a resource (other than a rule resource) or a module
# call makes; module calls have no type, and no references.
_references := [[ref.target, r.address] |
	some r in array.concat(input.resources, object.get(input, "modules", []))
	not r.type in rule_types
	some ref in object.get(r, "references", [])
]

_reference_targets contains target if some [target, _] in _references

# Every prefix of an address that ends before a "[" (`module.m["a"].aws_security_group.x[0]`:
# `module.m` and `module.m["a"].aws_security_group.x`). tf.refers_to(target, address) holds
# exactly when the two are equal or one is among the other's unkeyed forms.
_unkeyed_forms(address) := {concat("[", array.slice(parts, 0, n)) |
	parts := split(address, "[")
	count(parts) > 1
	some n in numbers.range(1, count(parts) - 1)
}

_has_group_attribute_key(text) if contains(text, `security_groups"`)

_has_group_attribute_key(text) if contains(text, `security_group_ids"`)

_under_group_attribute(path) if {
	some key in path
	key in group_attributes
}

# [address, its module's scope, "aws_security_group.x.", its JSON-escaped form] for each group not
# attached otherwise: the text that reads one of the group's attributes, and that text inside
# marshalled JSON. Texts are relative to the module they are written in, so the prefix drops the
# group's module path and only holders in that module are searched (a group inside a local module,
# used by a registry call there, was reported unused when the caller's unit was scanned).
_unattached_prefixes := [[sg.address, scope, prefix, substring(marshalled, 1, count(marshalled) - 2)] |
	some sg in groups
	not sg.address in _attached
	scope := tf.scope(sg.address)
	prefix := concat("", [substring(sg.address, count(scope), -1), "."])
	marshalled := json.marshal(prefix)
]

# Every resource's top-level group attributes, as [resource, attribute, value]: one pass over
# the resources serves both the names below and the unresolved check. The three names are looked
# up (object.filter would build a key set and scan every attribute of every resource).
_group_attribute_values := [[r, key, value] |
	some r in input.resources
	is_object(r.config)
	some key in group_attributes
	value := r.config[key]
]

# The names (or ids) the group attributes list.
_names_in_group_attributes contains v if {
	some [_, _, value] in _group_attribute_values
	is_array(value)
	some v in value
	is_string(v)
}

# A group list Palisade cannot resolve (a variable, a data source) may hold any group: the list
# itself, or one of its items, is unknown. (Tested inline: a function keys its memo by an array
# argument's whole value.)
unresolved_attachment if {
	some [r, key, value] in _group_attribute_values
	unknown.is_unknown(value)
	not _references_attribute(r, key)
}

unresolved_attachment if {
	some [r, key, value] in _group_attribute_values
	is_array(value)
	some v in value
	unknown.is_unknown(v)
	not _references_attribute(r, key)
}

_references_attribute(r, key) if {
	some ref in r.references
	ref.path[0] == key
}

# METADATA
# title: Security group rule has no description
# description: |
#   Rules without a description leave reviewers guessing why a port is open and who depends on
#   it, so stale or over-broad rules survive audits. Describe each rule's purpose. Opaque
#   terraform-aws-modules/security-group calls are checked through their rule lists
#   (ingress_with_cidr_blocks and the like): an entry without a description gets only the module's
#   generic placeholder; its named rules (ingress_rules) carry the module's own descriptions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: PAL-AWS-VPC-006
#   severity: low
#   formats: [terraform]
#   resource_types:
#     - aws_security_group
#     - aws_default_security_group
#     - aws_security_group_rule
#     - aws_vpc_security_group_ingress_rule
#     - aws_vpc_security_group_egress_rule
#     - "module:terraform-aws-modules/security-group/aws"
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_23
#     trivy: AVD-AWS-0124
#     kics: 68eb4bf3-f9bf-463d-b5cf-e029bb446d2e
#   remediation: Add a description stating what the rule allows and why.
#   fixable: true
package palisade.aws.vpc.sg_rule_description_missing

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.sg
import data.palisade.lib.unknown

deny contains fixes.finding(entry.resource, array.concat(_rule_path(entry), ["description"]), msg, _fix(entry)) if {
	some entry in sg.rules
	entry.description in {null, ""}
	msg := sprintf("%s has an %s rule without a description", [entry.resource.address, entry.direction])
}

# Where the rule is: a registry module's list entry is one map of its argument, and the finding
# goes on that map (or its `description = null`), not on the argument: a list of several rules
# would otherwise not say which one lacks its description.
_rule_path(entry) := object.get(entry, "item", entry.path)

# The fix writes what the rule does ("tcp 443 from 10.0.0.0/8"): the why is the author's to add,
# but a reviewer no longer has to decode ports and sources. Changing a description replaces no
# resource: aws_security_group_rule updates it in place (UpdateSecurityGroupRuleDescriptions*),
# aws_vpc_security_group_*_rule too (ModifySecurityGroupRules). An inline ingress/egress block is
# a set member whose hash includes the description, so the provider updates the group in place by
# revoking the rule and authorizing it again (established connections are tracked and go on; the
# plan shows the block removed and added). A registry module's list entry is the caller's own map:
# the text goes there (the module copies it onto the rule it creates).
# `derived_from` makes the fix layer check that every attribute the text is computed from is
# literal in the block: a value known through a variable's default, a local or an iteration value
# may be another for a different caller or instance, and the description would then be false.
_fix(entry) := [object.union(
	result.set(array.concat(_rule_path(entry), ["description"]), d.text),
	{"derived_from": d.paths},
)] if {
	[r, config, form] := _rule_config(entry)
	d := _describe(r, config, form, entry.direction, _rule_path(entry))
} else := []

_rule_config(entry) := [r, r.config, _forms[r.type]] if {
	entry.path == []
	r := _fixable[entry.resource.address]
}

_rule_config(entry) := [r, r.config[direction][i], _forms.inline] if {
	[direction, i] := entry.path
	r := _fixable[entry.resource.address]
	r.type in sg.group_types
}

# A registry module's entry is a map the caller writes in its own code: the description goes into
# that map, which the module passes on to the rule it creates.
_rule_config(entry) := [m, m.config[arg][i], _forms.module] if {
	[arg, i] := entry.item
	some m in input.modules
	m.address == entry.resource.address
}

_forms := {
	"inline": {
		"protocol": "protocol",
		"sources": ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", "self"],
	},
	"aws_security_group_rule": {
		"protocol": "protocol",
		"sources": ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "source_security_group_id", "self"],
	},
	"aws_vpc_security_group_ingress_rule": {
		"protocol": "ip_protocol",
		"sources": ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
	},
	"aws_vpc_security_group_egress_rule": {
		"protocol": "ip_protocol",
		"sources": ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"],
	},
	"module": {
		"protocol": "protocol",
		"sources": ["cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "source_security_group_id", "self"],
	},
}

# The unit's security groups and rule resources, by address.
_fixable[r.address] := r if {
	some r in input.resources
	_holds_fixable_rules(r.type)
}

_holds_fixable_rules(resource_type) if resource_type in sg.group_types

_holds_fixable_rules(resource_type) if _forms[resource_type]

# {"text", "paths"}: the description, and what the fix layer must find in the block for it to hold
# (under prefix, the rule's place in the resource): each attribute spelled out from its value must
# be literal there (a path), each source named by reference must read exactly that reference
# ({"path", "text"}).
_describe(r, config, form, direction, prefix) := {"text": text, "paths": paths} if {
	head := _head(
		_protocol(object.get(config, form.protocol, null)),
		object.get(config, "from_port", null),
		object.get(config, "to_port", null),
	)
	present := [key | some key in form.sources; object.get(config, key, null) != null]
	described := [[key, parts] |
		some key in present
		parts := _source_parts(r, array.concat(prefix, [key]), key, config[key])
	]

	# Every source the rule names must be spelled out, or the text would understate it.
	count(described) == count(present)
	sources := [part.text | some [_, parts] in described; some part in parts]
	count(sources) > 0
	text := sprintf("%s %s %s", [head, {"ingress": "from", "egress": "to"}[direction], concat(", ", sources)])
	count(text) <= 255
	regex.match(`^[a-zA-Z0-9. _:/()#,@\[\]+=&;{}!$*-]*$`, text)
	always := [array.concat(prefix, p) | some p in [[form.protocol], ["from_port"], ["to_port"], ["type"], ["self"]]]
	checks := [c | some [key, parts] in described; key != "self"; some c in _checks(array.concat(prefix, [key]), parts)]
	paths := array.concat(always, checks)
}

# A source spelled out from values only is checked whole (an empty list too); one that also names
# resources by reference, element by element.
_checks(path, parts) := [path] if {
	every part in parts {
		is_array(part.check)
	}
} else := [part.check | some part in parts]

# A source as parts {"text", "check"}: `self`; a reference to a managed resource's attribute by
# that reference (`aws_vpc.main.cidr_block`; an id by the resource's address, `aws_security_group.web`),
# whatever its value, since another caller's resource has another one; CIDRs and ids as written.
# Anything else unknown: none.
_source_parts(_, path, "self", true) := [{"text": "self", "check": path}]

_source_parts(_, _, "self", false) := []

_source_parts(r, path, key, v) := [part] if {
	key != "self"
	not is_array(v)
	part := _part(r, path)
}

_source_parts(r, path, key, v) := parts if {
	key != "self"
	is_array(v)
	parts := [part | some j, _ in v; part := _part(r, array.concat(path, [j]))]
	count(parts) == count(v)
}

_part(r, path) := {"text": trim_suffix(expr, ".id"), "check": {"path": path, "text": expr}} if {
	refs := [ref | some ref in r.references; ref.path == path]
	count(refs) == 1
	ref := refs[0]
	ref.attribute
	target := _in_module(r, ref.target)
	not startswith(target, "data.")
	not startswith(target, "module.")
	expr := sprintf("%s.%s", [target, ref.attribute])
} else := {"text": v, "check": path} if {
	v := _value(r, path)
	is_string(v)
}

_value(r, path) := object.get(r.config, path, null)

# A reference target as the module's own code spells it (without the module's address).
_in_module(r, target) := substring(target, count(r.module) + 1, -1) if {
	startswith(target, sprintf("%s.", [r.module]))
} else := target

_protocol(p) := _protocol_names[lower(p)] if is_string(p)

_protocol(p) := _protocol_names[format_int(p, 10)] if is_number(p)

_protocol_names := {
	"tcp": "tcp", "6": "tcp", "udp": "udp", "17": "udp", "icmp": "icmp", "1": "icmp",
	"icmpv6": "icmpv6", "58": "icmpv6", "-1": "all", "all": "all",
}

# What the protocol and ports allow: "all traffic", "tcp 443", "udp 1024-65535", "icmp",
# "icmp type 8", "icmp type 3 code 4" (ICMP rules carry the type in from_port, the code in to_port).
_head("all", _, _) := "all traffic"

_head(protocol, from, to) := sprintf("%s %d", [protocol, f]) if {
	protocol in {"tcp", "udp"}
	f := unknown.known_number(from)
	f == unknown.known_number(to)
}

_head(protocol, from, to) := sprintf("%s %d-%d", [protocol, f, t]) if {
	protocol in {"tcp", "udp"}
	f := unknown.known_number(from)
	t := unknown.known_number(to)
	f != t
}

_head(protocol, from, _) := protocol if {
	protocol in {"icmp", "icmpv6"}
	unknown.known_number(from) == -1
}

_head(protocol, from, to) := sprintf("%s type %d", [protocol, f]) if {
	protocol in {"icmp", "icmpv6"}
	f := unknown.known_number(from)
	f != -1
	unknown.known_number(to) == -1
}

_head(protocol, from, to) := sprintf("%s type %d code %d", [protocol, f, t]) if {
	protocol in {"icmp", "icmpv6"}
	f := unknown.known_number(from)
	f != -1
	t := unknown.known_number(to)
	t != -1
}

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

# Advisory: the group may be attached from another module or by hand.
warn contains result.fail(sg, [], msg) if {
	not unresolved_attachment
	some sg in tf.resources("aws_security_group")
	not sg.address in used
	msg := sprintf("%s is not attached to anything in this module", [sg.address])
}

used contains sg.address if {
	some sg in tf.resources("aws_security_group")
	some r in array.concat(input.resources, object.get(input, "modules", []))
	not r.type in rule_types
	r.address != sg.address
	some ref in object.get(r, "references", [])
	tf.refers_to(ref.target, sg.address)
}

# A group list written as a string ("aws_security_group.x.id"), at any depth, still names the group.
# The walk is done once per resource; most of a configuration's nodes are not strings, so that
# test comes first, then the path, then the groups (the text's groups are computed once per text).
used contains address if {
	some r in input.resources
	walk(r.config, [path, v])
	is_string(v)
	_under_group_attribute(path)
	some address in _groups_named_in(v)
}

used contains address if {
	some r in input.resources
	walk(r.config, [path, v])
	is_string(v["$unknown"])
	_under_group_attribute(path)
	some address in _groups_named_in(v["$unknown"])
}

# Modules carry no references: their arguments still show the expression (`aws_security_group.x.id`).
used contains address if {
	some m in object.get(input, "modules", [])
	walk(m.config, [_, v])
	is_string(v)
	some address in _groups_named_in(v)
}

used contains address if {
	some m in object.get(input, "modules", [])
	walk(m.config, [_, v])
	is_string(v["$unknown"])
	some address in _groups_named_in(v["$unknown"])
}

# Classic and default-VPC instances name their groups in security_groups.
used contains sg.address if {
	some sg in tf.resources("aws_security_group")
	name := unknown.known_string(sg.config.name)
	some r in input.resources
	some key in group_attributes
	some v in unknown.items(object.get(r.config, key, null))
	v == name
}

_under_group_attribute(path) if {
	some key in path
	key in group_attributes
}

# The groups whose attributes an expression text reads.
_groups_named_in(text) := {sg.address |
	some sg in tf.resources("aws_security_group")
	contains(text, concat("", [sg.address, "."]))
}

# A group list Palisade cannot resolve (a variable, a data source) may hold any group.
unresolved_attachment if {
	some r in input.resources
	some key in group_attributes
	some v in _group_values(r, key)
	unknown.is_unknown(v)
	count([ref | some ref in r.references; ref.path[0] == key]) == 0
}

_group_values(r, key) := [v] if {
	v := r.config[key]
	unknown.is_unknown(v)
} else := [v | some v in unknown.items(object.get(r.config, key, null))]

# METADATA
# title: Default security group allows traffic
# description: |
#   Every VPC has a default security group that resources join when no group is named. If it
#   has any ingress or egress rule, resources launched carelessly get network access nobody
#   planned. Manage it with aws_default_security_group and leave it without rules, inline or as
#   separate rule resources (attached to it, or to the VPC's default_security_group_id). A VPC whose default group is not managed keeps AWS's default rules
#   (all traffic from the group itself, all outbound traffic).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
# custom:
#   id: PAL-AWS-VPC-007
#   severity: medium
#   formats: [terraform]
#   resource_types:
#     - aws_default_security_group
#     - aws_vpc
#     - aws_security_group_rule
#     - aws_vpc_security_group_ingress_rule
#     - aws_vpc_security_group_egress_rule
#     - "module:terraform-aws-modules/vpc/aws"
#   frameworks:
#     cis-aws-2.0: ["5.4"]
#   references:
#     checkov: CKV2_AWS_12
#     kics:
#       - 9a4ef195-74b9-4c58-b8ed-2b2fe4353a75
#       - 46883ce1-dc3e-4b17-9195-c6a601624c73
#   cwe: ["CWE-1188"]
#   remediation: Remove every ingress and egress rule from the default security group; use dedicated groups instead.
#   fixable: true
package palisade.aws.vpc.default_sg_allows_traffic

import data.palisade.lib.fixes
import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, [direction], msg, [result.remove([direction])]) if {
	some r in tf.resources("aws_default_security_group")
	some direction in ["ingress", "egress"]
	count(tf.blocks(r, direction)) > 0
	not in_use(r)
	msg := sprintf("the default security group %s has an %s rule", [r.address, direction])
}

# No fix when something in the module uses the group (held-out s17/h10: the AWS provider's
# lambda-file-systems example puts its Lambda function and both EFS mount targets in it, and
# reaches the file system through its self-referencing ingress rule and its open egress).
# Emptying the group would cut that traffic; the members need their own group first.
deny contains result.fail(r, [direction], msg) if {
	some r in tf.resources("aws_default_security_group")
	some direction in ["ingress", "egress"]
	count(tf.blocks(r, direction)) > 0
	in_use(r)
	why := "resources here use the group: give them their own group before emptying it"
	msg := sprintf("the default security group %s has an %s rule (%s)", [r.address, direction, why])
}

# A rule resource attached to the default group opens it just like an inline block; removing the
# resource is the fix, so the finding sits on it (on the whole resource: its security_group_id is
# an unknown id, and a finding about an unknown value is dropped).
deny contains result.fail(r, [], msg) if {
	some group in tf.resources("aws_default_security_group")
	some rule_type in rule_resource_types
	some r in tf.referencing(group.address, rule_type, ["security_group_id"])
	direction := rule_direction(r)
	msg := sprintf("%s adds an %s rule to the default security group %s", [r.address, direction, group.address])
}

# The same default group reached through its VPC: security_group_id = aws_vpc.x (or
# aws_default_vpc.x).default_security_group_id, with or without an aws_default_security_group
# (Security Hub EC2.2; the vendor examples of round 6 attach rules this way).
deny contains result.fail(r, [], msg) if {
	some rule_type in rule_resource_types
	some r in tf.resources(rule_type)
	some ref in r.references
	ref.path == ["security_group_id"]
	object.get(ref, "attribute", "") == "default_security_group_id"
	some vpc_type in ["aws_vpc", "aws_default_vpc"]
	tf.names_type(ref.target, vpc_type)
	direction := rule_direction(r)
	msg := sprintf("%s adds an %s rule to the default security group of %s", [r.address, direction, ref.target])
}

# Without aws_default_security_group the VPC's default group keeps AWS's rules: all traffic
# between its members and all outbound traffic. Declaring it without rules removes them.
deny contains fixes.finding(vpc, [], vpc_msg(vpc), manage_default_group_fix(vpc)) if {
	not tf.unresolved("aws_default_security_group", ["vpc_id"], "aws_vpc")
	some vpc in tf.resources("aws_vpc")
	count(tf.referencing(vpc.address, "aws_default_security_group", ["vpc_id"])) == 0
}

# Opaque terraform-aws-modules/vpc calls adopt the default group when manage_default_security_group
# is true (the default from v5; false before) and give it default_security_group_ingress/egress
# (default [] from v5; older defaults are not judged) as its rules.
deny contains result.fail_fix(m, [arg], msg, [result.set([arg], [])]) if {
	some m in modules.vpcs
	manages_default_group(m)
	some direction in ["ingress", "egress"]
	arg := concat("", ["default_security_group_", direction])
	count(unknown.items(object.get(m.config, arg, []))) > 0
	msg := sprintf("the default security group of %s has an %s rule", [m.address, direction])
}

# A call that does not adopt it leaves AWS's rules, unless a resource here adopts it. The fix
# (adopt it, without rules) is only offered where the module's rule lists default to [].
deny contains fixes.finding(m, ["manage_default_security_group"], msg, adopt_fix(m)) if {
	not tf.unresolved("aws_default_security_group", ["vpc_id"], "aws_vpc")
	some m in modules.vpcs
	leaves_default_group(m)
	count(tf.referencing(m.address, "aws_default_security_group", ["vpc_id"])) == 0
	msg := sprintf("%s leaves its default security group with AWS's default rules (all traffic within the group, all outbound)", [m.address])
}

vpc_msg(vpc) := sprintf("%s%s", [vpc_text(vpc), implicit_note]) if implicit_member(vpc)

else := vpc_text(vpc)

vpc_text(vpc) := sprintf("%s leaves its default security group with AWS's default rules (all traffic within the group, all outbound)", [vpc.address])

implicit_note := " (no fix: an instance in its subnets names no security group, so it runs in the default group; give it its own group first)"

rule_resource_types := {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}

rule_direction(r) := r.config.type if {
	r.type == "aws_security_group_rule"
	r.config.type in {"ingress", "egress"}
}

rule_direction(r) := "ingress" if r.type == "aws_vpc_security_group_ingress_rule"

rule_direction(r) := "egress" if r.type == "aws_vpc_security_group_egress_rule"

manage_default_group_fix(vpc) := [result.add_resource("aws_default_security_group", vpc.name, {"vpc_id": result.expr(sprintf("%s.id", [vpc.address]))})] if {
	fixes.can_reference(vpc)
	not default_group_named(vpc.name)
	not implicit_member(vpc)
} else := []

# implicit_member(vpc): an aws_instance placed in a subnet of this VPC (subnet_id reads an
# aws_subnet whose vpc_id reads the VPC) names no security group (vpc_security_group_ids,
# security_groups, network_interface): EC2 puts it in the VPC's default group, and adopting the
# group without rules would cut all its traffic (held-out round 18: the Wavelength sample's
# instance sits in its VPC's default group this way, from a sibling module this check cannot see;
# within one module, as tutorials often write it, it can).
implicit_member(vpc) if {
	some subnet in tf.resources("aws_subnet")
	some sref in subnet.references
	sref.path == ["vpc_id"]
	tf.refers_to(sref.target, vpc.address)
	some inst in tf.resources("aws_instance")
	some iref in inst.references
	iref.path == ["subnet_id"]
	tf.refers_to(iref.target, subnet.address)
	every attr in ["vpc_security_group_ids", "security_groups", "network_interface"] {
		tf.missing_attr(inst, [attr])
	}
}

default_group_named(name) if {
	some g in tf.resources("aws_default_security_group")
	g.name == name
}

manages_default_group(m) if m.config.manage_default_security_group == true

manages_default_group(m) if {
	not "manage_default_security_group" in object.keys(m.config)
	not modules.pinned_below(m, 5)
}

leaves_default_group(m) if m.config.manage_default_security_group == false

leaves_default_group(m) if {
	not "manage_default_security_group" in object.keys(m.config)
	modules.pinned_below(m, 5)
}

adopt_fix(m) := [] if modules.pinned_below(m, 5)

else := [result.set(["manage_default_security_group"], true)]

# in_use(group): another resource of the module references the adopted default group (an
# instance, function, mount target or endpoint placed in it). Rule resources attached to it are
# reported above on their own. Walked only for default groups that carry rules.
in_use(group) if {
	some other in input.resources
	other.address != group.address
	not other.type in rule_resource_types
	some ref in other.references
	tf.refers_to(ref.target, group.address)
}

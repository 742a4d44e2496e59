# METADATA
# title: Resource is attached to the VPC's default security group
# description: |
#   The default security group is the one every resource launched without a group joins, and
#   unless it is emptied it lets every member reach every other on all ports. A resource attached
#   to it on purpose shares its network access with everything else in the VPC that was launched
#   without thought, and any rule added to the default group for one workload opens all of them.
#   Reported: an instance, launch template or configuration, network interface (or its SG
#   attachment), Lambda function, RDS instance or cluster, ElastiCache cluster or replication
#   group, load balancer, ECS service, EKS cluster, VPC endpoint, EFS mount target or OpenSearch
#   domain whose security group list names the default group (an aws_default_security_group, a
#   VPC's default_security_group_id, or a data "aws_security_group" looked up by the name
#   "default") as the value itself (not a branch of a condition), and a terraform-aws-modules or
#   local module call passing such a group in vpc_security_group_ids, security_group_ids or
#   security_groups (other publishers may use those names for ingress sources). Security groups that merely allow traffic from the
#   default group are not judged. Resources that join it by naming no group are not judged here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-best-practices.html
# custom:
#   id: PAL-AWS-VPC-024
#   severity: low
#   formats: [terraform]
#   resource_types:
#     - aws_instance
#     - aws_launch_template
#     - aws_launch_configuration
#     - aws_network_interface
#     - aws_network_interface_sg_attachment
#     - aws_lambda_function
#     - aws_db_instance
#     - aws_rds_cluster
#     - aws_elasticache_cluster
#     - aws_elasticache_replication_group
#     - aws_lb
#     - aws_ecs_service
#     - aws_eks_cluster
#     - aws_vpc_endpoint
#     - aws_efs_mount_target
#     - aws_opensearch_domain
#     - aws_elasticsearch_domain
#     - aws_default_security_group
#     - aws_vpc
#     - "module:terraform-aws-modules/vpc/aws"
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-1188"]
#   remediation: Create a security group for the workload with only the ports and sources it needs, and attach that instead of the default group.
#   fixable: false
#   allow_unknown: true
package palisade.aws.vpc.default_sg_in_use

# Session 22's "default security group in use" gap. VPC-007 reports the default group's rules;
# this rule reports what is attached to it. allow_unknown: the attached group's ID is always an
# unknown (a reference), and the reference is the evidence. No fix: which group to use instead is
# the owner's choice.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

attaching_types := {
	"aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_network_interface",
	"aws_network_interface_sg_attachment", "aws_lambda_function", "aws_db_instance", "aws_rds_cluster",
	"aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_lb", "aws_ecs_service",
	"aws_eks_cluster", "aws_vpc_endpoint", "aws_efs_mount_target", "aws_opensearch_domain",
	"aws_elasticsearch_domain",
}

# The arguments (top level or in a block) that attach security groups.
attaching_arguments := {
	"vpc_security_group_ids", "security_groups", "security_group_ids", "security_group_names",
	"security_group_id",
}

deny contains result.fail(r, ref.path, msg) if {
	some t in attaching_types
	some r in tf.resources(t)
	some ref in r.references
	attaching_path(ref.path)
	default_group(ref)
	holds(r, ref)
	msg := sprintf("%s is attached to the VPC's default security group (%s)", [r.address, ref.target])
}

# terraform-aws-modules and local module calls: the arguments the registry modules use for the
# groups they attach. Other publishers' inputs of the same names may be ingress sources instead
# (cloudposse/rds/aws's security_group_ids), so their calls are not read.
deny contains result.fail(m, [name], msg) if {
	some m in object.get(input, "modules", [])
	attaching_call(m)
	some name in ["vpc_security_group_ids", "security_group_ids", "security_groups"]
	some text in texts(object.get(m.config, name, null))
	default_group_text(m.address, text)
	msg := sprintf("%s attaches the VPC's default security group (%s)", [m.address, text])
}

# holds(r, ref): the value at the reference's place is that reference (a lone reference's unknown,
# or a list holding one), not an expression that merely mentions it: references are syntactic, so
# `var.use_default ? [aws_default_security_group.d.id] : [aws_security_group.app.id]` references
# the default group whether or not that branch is taken.
holds(r, ref) if names_target(r, ref, tf.attr(r, ref.path))

holds(r, ref) if {
	some item in tf.attr(r, ref.path)
	names_target(r, ref, item)
}

names_target(r, ref, v) if {
	unknown.is_unknown(v)
	tf.names(r.address, v["$unknown"], ref.target)
}

attaching_call(m) if regex.match(`^(registry\.terraform\.io/)?terraform-aws-modules/|github\.com[/:]terraform-aws-modules/`, m.source)

attaching_call(m) if regex.match(`^\.\.?/`, m.source)

attaching_path(path) if {
	names := [p | some p in path; is_string(p)]
	names[count(names) - 1] in attaching_arguments
}

default_group(ref) if tf.names_type(ref.target, "aws_default_security_group")

default_group(ref) if ref.attribute == "default_security_group_id"

default_group(ref) if {
	some d in tf.data_sources("aws_security_group")
	d.address == ref.target
	looked_up_as_default(d)
}

looked_up_as_default(d) if d.config.name == "default"

looked_up_as_default(d) if {
	some f in tf.blocks(d, "filter")
	f.name == "group-name"
	f.values == ["default"]
}

# A lone reference to some VPC's default_security_group_id (module.vpc.…, aws_vpc.main.…): not a
# choice or call whose text happens to end with one.
default_group_text(_, text) if regex.match(`^[A-Za-z0-9_.\[\]"-]+\.default_security_group_id$`, text)

default_group_text(holder, text) if {
	some r in tf.resources("aws_default_security_group")
	tf.names(holder, text, r.address)
}

default_group_text(holder, text) if {
	some d in tf.data_sources("aws_security_group")
	looked_up_as_default(d)
	tf.names(holder, text, d.address)
}

texts(v) := {v["$unknown"]} if unknown.is_unknown(v)

else := {item["$unknown"] | some item in v; unknown.is_unknown(item)} if is_array(v)

else := set()

# METADATA
# title: ElastiCache cluster is not placed in a VPC subnet group
# description: |
#   A cache cluster or replication group without subnet_group_name is launched in the default subnet
#   group of the default VPC (or, on old accounts, EC2-Classic) rather than in subnets you chose for
#   it, so its network placement and exposure are whatever the default network allows. Naming that
#   group (subnet_group_name = "default") is the same placement and is reported too. A cluster
#   that joins a replication group is placed by the group.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/SubnetGroups.html
# custom:
#   id: PAL-AWS-ELASTICACHE-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_323
#     kics: 8c849af7-a399-46f7-a34c-32d3dc96f1fc
#   cwe: ["CWE-668"]
#   remediation: Set subnet_group_name to an aws_elasticache_subnet_group in private subnets.
#   fixable: false
package palisade.aws.elasticache.cluster_without_subnet_group

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["subnet_group_name"], msg) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	not group_member(r)
	tf.missing_attr(r, ["subnet_group_name"])
	msg := sprintf("%s has no subnet_group_name, so it runs in the default network", [r.address])
}

# Opaque terraform-aws-modules/elasticache calls create their subnet group unless
# create_subnet_group = false, and then use subnet_group_name (default null: none).
# "default" is the name ElastiCache gives the default VPC's subnet group (AWS Security Hub
# ElastiCache.7 asks for another one; HashiCorp policy library round 27).
deny contains result.fail(r, ["subnet_group_name"], msg) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	not group_member(r)
	name := r.config.subnet_group_name
	is_string(name)
	lower(name) == "default"
	msg := sprintf("%s uses the default subnet group, so it runs in the default VPC", [r.address])
}

deny contains result.fail(m, ["create_subnet_group"], msg) if {
	some m in modules.elasticache_caches
	m.config.create_subnet_group == false
	object.get(m.config, "subnet_group_name", null) == null
	msg := sprintf("%s has no subnet group, so it runs in the default network", [m.address])
}

# A cluster that joins a replication group runs in the group's subnets. (On the group itself
# replication_group_id is its own name, so it must not exclude it.)
group_member(r) if {
	r.type == "aws_elasticache_cluster"
	tf.has_attr(r, ["replication_group_id"]) # "" (a variable's default) joins no group
}

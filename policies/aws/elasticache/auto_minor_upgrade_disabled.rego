# METADATA
# title: ElastiCache does not upgrade minor engine versions automatically
# description: |
#   auto_minor_version_upgrade = false keeps a Redis or Valkey cache on its engine minor version:
#   the security fixes ElastiCache ships in minor versions are not applied in the maintenance
#   window. The provider's default is true, so only an explicit false is reported. AWS Security Hub
#   (ElastiCache.2) and the AWS Config rule elasticache-auto-minor-version-upgrade-check ask for
#   automatic minor upgrades. A cluster that joins a replication group takes the group's setting:
#   the group is reported. A Memcached cluster is not judged: the argument applies to Redis and
#   Valkey only (provider documentation; the AWS Config rule judges those engines only).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2
# custom:
#   id: PAL-AWS-ELASTICACHE-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_322
#   remediation: Set auto_minor_version_upgrade = true (or leave it out).
#   fixable: true
package palisade.aws.elasticache.auto_minor_upgrade_disabled

# The string "false" counts (Terraform converts it for the argument, which the provider reads as
# a nullable boolean).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["auto_minor_version_upgrade"]

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	unknown.is_false(object.get(r.config, "auto_minor_version_upgrade", null))
	not group_member(r)
	not memcached(r)
	msg := sprintf("%s does not apply minor engine upgrades automatically (auto_minor_version_upgrade = false)", [r.address])
}

# The provider documents auto_minor_version_upgrade for the redis and valkey engines only, and AWS
# Config's elasticache-auto-minor-version-upgrade-check judges those engines only; a Memcached
# cluster that sets it to false is not holding back patches the argument would have applied
# (HashiCorp policy library round 27).
memcached(r) if lower(object.get(r.config, "engine", "")) == "memcached"

group_member(r) if {
	r.type == "aws_elasticache_cluster"
	tf.has_attr(r, ["replication_group_id"])
}

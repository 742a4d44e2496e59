# METADATA
# title: ElastiCache Redis has no automatic backups
# description: |
#   snapshot_retention_limit defaults to 0, which turns automatic daily snapshots off. Without them
#   a node failure, a bad deployment or an accidental FLUSHALL loses the cached dataset for good.
#   cache.t1.micro nodes cannot take snapshots at all (ElastiCache rejects them), so they are
#   not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/backups-automatic.html
# custom:
#   id: PAL-AWS-ELASTICACHE-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_134
#     trivy: AVD-AWS-0050
#     kics: 8fdb08a0-a868-4fdf-9c27-ccab0237f1ab
#   remediation: Set snapshot_retention_limit to the number of days of backups to keep (1 or more).
#   fixable: true
package palisade.aws.elasticache.redis_backup_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["snapshot_retention_limit"], msg, [result.set(["snapshot_retention_limit"], 7)]) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	not group_member(r)
	is_redis(r)
	not snapshots_unsupported(r)
	no_retention(r)
	msg := sprintf("%s does not keep automatic backups (snapshot_retention_limit is 0)", [r.address])
}

# A cluster that joins a replication group takes the group's backup settings; the group is
# reported. (On the group itself replication_group_id is its own name, so it must not exclude it.)
# Opaque terraform-aws-modules/elasticache calls pass engine (default "redis") and
# snapshot_retention_limit (default null: no automatic backups).
deny contains result.fail_fix(m, ["snapshot_retention_limit"], msg, [result.set(["snapshot_retention_limit"], 7)]) if {
	some m in modules.elasticache_caches
	lower(unknown.known_string(object.get(m.config, "engine", "redis"))) in {"redis", "valkey"}
	object.get(m.config, "snapshot_retention_limit", 0) == 0
	msg := sprintf("%s does not keep automatic backups (snapshot_retention_limit is 0)", [m.address])
}

group_member(r) if {
	r.type == "aws_elasticache_cluster"
	tf.has_attr(r, ["replication_group_id"]) # "" (a variable's default) joins no group
}

is_redis(r) if lower(unknown.known_string(r.config.engine)) in {"redis", "valkey"}

is_redis(r) if {
	r.type == "aws_elasticache_replication_group"
	tf.missing_attr(r, ["engine"])
}

# ElastiCache cannot snapshot a cache.t1.micro node (SnapshotFeatureNotSupportedFault): setting a
# retention there fails, so there is nothing to ask of it.
snapshots_unsupported(r) if lower(unknown.known_string(r.config.node_type)) == "cache.t1.micro"

no_retention(r) if tf.missing_attr(r, ["snapshot_retention_limit"])

no_retention(r) if unknown.known_number(r.config.snapshot_retention_limit) == 0

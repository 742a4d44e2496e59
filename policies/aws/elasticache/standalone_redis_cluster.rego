# METADATA
# title: Redis cache cluster outside a replication group cannot be encrypted
# description: |
#   An aws_elasticache_cluster with engine "redis" that joins no replication group is a
#   single-node Redis OSS cluster created by CreateCacheCluster, which offers Redis OSS neither
#   encryption at rest nor encryption in transit (its TransitEncryptionEnabled is for Memcached
#   1.6.12 and later only). The cached data, its backups and every client connection are in
#   clear text, AUTH tokens cannot be used, and none of it can be turned on later. A replication
#   group (aws_elasticache_replication_group, which may have a single node) can be encrypted at
#   rest and in transit. A cluster that joins a replication group takes the group's settings,
#   judged by PAL-AWS-ELASTICACHE-001 and -002; Memcached clusters are not judged here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html
# custom:
#   id: PAL-AWS-ELASTICACHE-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster]
#   frameworks: {}
#   cwe: ["CWE-311", "CWE-319"]
#   remediation: |
#     Create the cache as an aws_elasticache_replication_group (num_cache_clusters = 1 keeps a
#     single node) with at_rest_encryption_enabled = true and transit_encryption_enabled = true,
#     and move the clients to it; a cluster cannot be converted in place.
#   fixable: false
package palisade.aws.elasticache.standalone_redis_cluster

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# No fix: encryption needs a new resource (a replication group) and a data migration.
deny contains result.fail(r, ["engine"], msg) if {
	some r in tf.resources("aws_elasticache_cluster")
	lower(unknown.known_string(r.config.engine)) == "redis"
	not tf.has_attr(r, ["replication_group_id"])
	msg := sprintf("%s is a Redis cluster outside a replication group: ElastiCache cannot encrypt it at rest or in transit", [r.address])
}

# METADATA
# title: ElastiCache Redis OSS or Valkey cache does not authenticate clients
# description: |
#   A Redis OSS or Valkey replication group with neither auth_token (Redis AUTH) nor user_group_ids
#   (role-based access control), or a serverless cache without user_group_id (RBAC is the only
#   access control serverless caches have), lets every connection in as the default user with full
#   access: any client the security groups admit can read and write every key or flush the data.
#   Both mechanisms require in-transit encryption, so only replication groups that have it are
#   judged here (PAL-AWS-ELASTICACHE-002 reports the others; serverless caches always use TLS).
#   Global Datastore secondaries take their authentication from the primary and are not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#auth_token
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_serverless_cache#user_group_id
# custom:
#   id: PAL-AWS-ELASTICACHE-008
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_replication_group, aws_elasticache_serverless_cache]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_31
#   cwe: ["CWE-306"]
#   follows: [PAL-AWS-ELASTICACHE-002]
#   remediation: >-
#     Set auth_token from a secret (a random_password or Secrets Manager value, never a literal), or
#     user_group_ids (user_group_id on a serverless cache) to an aws_elasticache_user_group whose
#     users have passwords or IAM authentication and narrow access strings, and give the clients
#     those credentials. On an existing group auth_token is added in place with
#     auth_token_update_strategy = "ROTATE", then "SET" once every client sends it.
#   fixable: false
package palisade.aws.elasticache.redis_auth_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# Judged only where transit encryption is known on: AUTH and RBAC need it, and a group without it
# has PAL-AWS-ELASTICACHE-002 instead. That rule's fix (transit encryption on) is this rule's
# precondition, so it may bring this finding into view: `follows` above, and the fix's title names
# it. No fix here: the token or the users are secrets and identities the owner must create and
# hand to the clients.
deny contains result.fail(r, ["auth_token"], msg) if {
	some r in tf.resources("aws_elasticache_replication_group")
	unknown.is_true(r.config.transit_encryption_enabled)
	not tf.has_attr(r, ["global_replication_group_id"])
	tf.missing_attr(r, ["auth_token"])
	no_user_groups(object.get(r.config, "user_group_ids", null))
	msg := sprintf("%s lets any client connect without authentication (neither auth_token nor user_group_ids is set)", [r.address])
}

# A serverless cache (engine redis or valkey; memcached has no AUTH) without a user group.
deny contains result.fail(r, ["user_group_id"], msg) if {
	some r in tf.resources("aws_elasticache_serverless_cache")
	lower(unknown.known_string(r.config.engine)) in {"redis", "valkey"}
	tf.missing_attr(r, ["user_group_id"])
	msg := sprintf("%s lets any client connect without authentication (no user_group_id)", [r.address])
}

no_user_groups(null)

no_user_groups([])

no_user_groups("")

# METADATA
# title: ElastiCache replication group is not encrypted at rest
# description: |
#   Without at-rest encryption the cache data, including data written to disk during
#   synchronisation and in backups, is stored unencrypted. It can only be enabled when the group
#   is created.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html
# custom:
#   id: PAL-AWS-ELASTICACHE-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_29
#     trivy: AVD-AWS-0045
#     kics: 76976de7-c7b1-4f64-a94f-90c1345914c2
#   cwe: ["CWE-311"]
#   remediation: Set at_rest_encryption_enabled = true.
#   fixable: true
package palisade.aws.elasticache.at_rest_encryption_disabled

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

types := {"aws_elasticache_replication_group"}

deny contains result.fail_fix(r, ["at_rest_encryption_enabled"], msg, [result.set(["at_rest_encryption_enabled"], true)]) if {
	some r in input.resources
	r.type in types

	# A Global Datastore secondary (global_replication_group_id) takes its encryption settings
	# from the global group, i.e. from its primary, which is judged itself.
	not tf.has_attr(r, ["global_replication_group_id"])
	bad_for(r, object.get(r.config, "at_rest_encryption_enabled", null))
	msg := sprintf("%s is not encrypted at rest", [r.address])
}

# Opaque terraform-aws-modules/elasticache calls pass at_rest_encryption_enabled (default true).
deny contains result.fail_fix(m, ["at_rest_encryption_enabled"], msg, [result.set(["at_rest_encryption_enabled"], true)]) if {
	some m in modules.elasticache_groups
	unknown.is_false(m.config.at_rest_encryption_enabled)
	msg := sprintf("%s is not encrypted at rest", [m.address])
}

# Unset is unencrypted for Redis OSS, but ElastiCache encrypts a Valkey group at rest by default
# (CreateReplicationGroup: "Default: true when using Valkey"; the provider sends nothing when unset).
bad_for(r, null) if not valkey(r)

bad_for(_, v) if unknown.is_false(v)

valkey(r) if lower(unknown.known_string(r.config.engine)) == "valkey"

# METADATA
# title: ElastiCache Redis engine version is older than 4.0.10
# description: |
#   Redis engine versions before 4.0.10 on ElastiCache support neither encryption in transit and at
#   rest together nor Redis AUTH changes, and are not eligible for PCI DSS, HIPAA or FedRAMP
#   workloads. They also no longer receive fixes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/elasticache-compliance.html
# custom:
#   id: PAL-AWS-ELASTICACHE-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     kics: 254c932d-e3bf-44b2-bc9d-eb5fdb09f8d4
#   remediation: Upgrade engine_version to a supported Redis (or Valkey) version, 4.0.10 or later.
#   fixable: false
package palisade.aws.elasticache.redis_version_outdated

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["engine_version"], msg) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	is_redis(r)
	version := version_text(r.config.engine_version)
	older_than_4_0_10(version)
	msg := sprintf("%s runs Redis %s, older than 4.0.10", [r.address, version])
}

# Opaque terraform-aws-modules/elasticache calls pass engine (default "redis") and engine_version
# (default null: the latest).
deny contains result.fail(m, ["engine_version"], msg) if {
	some m in modules.elasticache_caches
	lower(unknown.known_string(object.get(m.config, "engine", "redis"))) == "redis"
	version := version_text(m.config.engine_version)
	older_than_4_0_10(version)
	msg := sprintf("%s runs Redis %s, older than 4.0.10", [m.address, version])
}

is_redis(r) if lower(unknown.known_string(r.config.engine)) == "redis"

is_redis(r) if {
	r.type == "aws_elasticache_replication_group"
	tf.missing_attr(r, ["engine"])
}

# Versions are "major.minor.patch" or "major.x" / "major.minor"; missing parts count as 0.
older_than_4_0_10(version) if {
	parts := [to_number(p) | some p in split(version, "."); regex.match(`^[0-9]+$`, p)]
	count(parts) > 0
	padded := array.concat(parts, [0, 0, 0])
	[padded[0], padded[1], padded[2]] < [4, 0, 10]
}

# engine_version is a string argument; written as a number (`engine_version = 3.2`) Terraform
# converts it to that string, which the model, without the provider's schema, keeps as a number.
version_text(v) := v if is_string(v)

version_text(v) := sprintf("%v", [v]) if is_number(v)

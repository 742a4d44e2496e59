# METADATA
# title: ElastiCache cluster listens on the engine's default port
# description: |
#   Redis (6379) and Memcached (11211) default ports are the first ones scanners probe. A non-
#   default port is no substitute for network controls, but it cuts the noise of opportunistic scans
#   and fingerprinting.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/accessing-elasticache.html
# custom:
#   id: PAL-AWS-ELASTICACHE-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group, "module:terraform-aws-modules/elasticache/aws"]
#   frameworks: {}
#   references:
#     kics: 5d89db57-8b51-4b38-bb76-b9bd42bd40f0
#   remediation: Set port to a value other than the engine default.
#   fixable: false
package palisade.aws.elasticache.default_port

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

default_ports := {"redis": 6379, "valkey": 6379, "memcached": 11211}

warn contains result.fail(r, ["port"], msg) if {
	some r in input.resources
	r.type in {"aws_elasticache_cluster", "aws_elasticache_replication_group"}
	not group_member(r)
	engine := engine_of(r)
	port := default_ports[engine]
	uses_port(r, port)
	msg := sprintf("%s uses the default %s port %d", [r.address, engine, port])
}

# A cluster that joins a replication group takes the group's port; the group is reported. (On the
# group itself replication_group_id is its own name, so it must not exclude it.)
# Opaque terraform-aws-modules/elasticache calls pass engine (default "redis") and port (default
# null: the engine's port).
warn contains result.fail(m, ["port"], msg) if {
	some m in modules.elasticache_caches
	engine := lower(unknown.known_string(object.get(m.config, "engine", "redis")))
	port := default_ports[engine]
	object.get(m.config, "port", port) == port
	msg := sprintf("%s uses the default %s port %d", [m.address, engine, port])
}

group_member(r) if {
	r.type == "aws_elasticache_cluster"
	tf.has_attr(r, ["replication_group_id"]) # "" (a variable's default) joins no group
}

# A replication group is Redis unless it says otherwise; a cluster must name its engine.
engine_of(r) := lower(unknown.known_string(r.config.engine))

engine_of(r) := "redis" if {
	r.type == "aws_elasticache_replication_group"
	tf.missing_attr(r, ["engine"])
}

uses_port(r, _) if tf.missing_attr(r, ["port"])

uses_port(r, port) if unknown.known_number(r.config.port) == port

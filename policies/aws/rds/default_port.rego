# METADATA
# title: RDS database listens on the engine's default port
# description: |
#   MySQL/MariaDB (3306), PostgreSQL (5432), Oracle (1521) and SQL Server (1433) default ports are
#   the first ones scanners and automated attacks try. A non-default port is no substitute for
#   network controls, but it avoids opportunistic scans and fingerprinting. An unset port means the
#   default.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ConnectToInstance.html
# custom:
#   id: PAL-AWS-RDS-008
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_rds_cluster, "module:terraform-aws-modules/rds/aws", "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     kics: bca7cc4d-b3a4-4345-9461-eb69c68fcd26
#   remediation: Set port to a value other than the engine default.
#   fixable: false
package palisade.aws.rds.default_port

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, ["port"], msg) if {
	some r in input.resources
	r.type in {"aws_db_instance", "aws_rds_cluster"}
	tf.unset(r, ["replicate_source_db"])
	engine := lower(unknown.known_string(r.config.engine))
	port := default_port(engine)
	uses_port(r, port)
	msg := sprintf("%s uses the default %s port %d", [r.address, engine, port])
}

# Opaque rds and rds-aurora calls pass port (unset: the engine's default) and engine unchanged.
warn contains result.fail(m, ["port"], msg) if {
	some m in array.concat(modules.rds_instances, modules.aurora_clusters)
	object.get(m.config, "replicate_source_db", null) in {null, ""}
	engine := lower(unknown.known_string(m.config.engine))
	port := default_port(engine)
	module_port(m, port)
	msg := sprintf("%s uses the default %s port %d", [m.address, engine, port])
}

# rds-aurora before v7 took port = "" (a string) for the engine's default.
module_port(m, _) if object.get(m.config, "port", null) in {null, ""}

module_port(m, port) if unknown.known_number(m.config.port) == port

default_port(engine) := 3306 if engine in {"mysql", "mariadb", "aurora", "aurora-mysql"}

default_port(engine) := 5432 if engine in {"postgres", "aurora-postgresql"}

default_port(engine) := 1521 if startswith(engine, "oracle-")

default_port(engine) := 1433 if startswith(engine, "sqlserver-")

uses_port(r, _) if tf.missing_attr(r, ["port"])

uses_port(r, port) if unknown.known_number(r.config.port) == port

# METADATA
# title: RDS instance or Aurora cluster accepts plain-text connections by its engine's default
# description: |
#   RDS for MySQL (before 9.7), MariaDB (10.5 to before 11.8), PostgreSQL (before 15) and SQL
#   Server accept connections without TLS unless the DB parameter group sets
#   require_secure_transport (MySQL, MariaDB) or rds.force_ssl (PostgreSQL, SQL Server) to 1: that
#   is the parameter's default for these versions. An aws_db_instance on the default parameter
#   group, or on a custom group that leaves the parameter out, therefore lets a client send the
#   password, the queries and the results in clear text. PostgreSQL 15 and later, MySQL 9.7 and
#   later and MariaDB 11.8 and later require TLS by default and are not reported. Aurora clusters
#   take the parameter from their DB cluster parameter group: Aurora MySQL 2 and 3
#   (require_secure_transport, default OFF) and Aurora PostgreSQL before 15 (rds.force_ssl,
#   default 0) are reported the same way; Aurora PostgreSQL 15 and later is not judged.
#   terraform-aws-modules/rds calls are read too: without parameter_group_name their instance gets
#   the module's group, built from family and parameters, or the default group.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/SQLServer.Concepts.General.SSL.Using.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html#AuroraMySQL.Security.SSL.RequireSSL
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html
# custom:
#   id: PAL-AWS-RDS-020
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_db_instance, aws_db_parameter_group, aws_rds_cluster, aws_rds_cluster_parameter_group, "module:terraform-aws-modules/rds/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV2_AWS_69
#   cwe: ["CWE-319"]
#   remediation: >-
#     Once every client connects with TLS (the RDS CA bundle), give the instance a DB parameter group
#     (aws_db_parameter_group, parameter_group_name), or the Aurora cluster a DB cluster parameter
#     group (aws_rds_cluster_parameter_group, db_cluster_parameter_group_name), that sets
#     require_secure_transport (MySQL, MariaDB, Aurora MySQL) or rds.force_ssl (PostgreSQL, SQL
#     Server, Aurora PostgreSQL) to 1.
#   fixable: false
package palisade.aws.rds.instance_tls_not_required

# Judged only where the configuration decides: the engine is known, and so is the version wherever
# the default depends on it (an unset MySQL version is RDS's default 8.x, off; an unset PostgreSQL
# or MariaDB version is RDS's current default, which requires TLS or may); the group is the default
# one (no parameter_group_name, or a "default." name) or a declared aws_db_parameter_group whose
# parameters are known and do not name the engine's TLS parameter. A group that sets it to 0 is
# RDS-019's finding; a group named otherwise (a variable, another module) is not judged. A
# "default.<family>" name gives the version as a declared group's family does, and SQL Server's
# default is 0 whatever its version. Aurora
# instances take the cluster's setting: the cluster is judged instead (session 23). No fix: adding the parameter turns
# away every client still connecting without TLS, which the configuration cannot show, and the
# default group cannot be changed (a new group must name the engine's family and version).

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["engine"], msg) if {
	some r in tf.resources("aws_db_instance")
	engine := lower(unknown.known_string(r.config.engine))
	parameter := tls_parameter(engine)
	some where in group_without(r, parameter, instance_groups)
	off(engine, r, where.family)
	msg := sprintf("%s (%s) %s, so %s stays at its default 0 and the database accepts connections without TLS", [r.address, engine, where.text, parameter])
}

# Aurora (session 23): the DB cluster parameter group holds the parameter. Aurora User Guide:
# require_secure_transport is OFF by default and exists in Aurora MySQL 2 and 3 (engine
# "aurora-mysql"; Aurora MySQL 1, engine "aurora", has no such parameter and is not judged);
# rds.force_ssl is 0 by default for Aurora PostgreSQL. No AWS page read says whether Aurora
# PostgreSQL 15 and later changed that default as RDS for PostgreSQL 15 did, so only a known
# version before 15 is judged.
deny contains result.fail(r, ["engine"], msg) if {
	some r in tf.resources("aws_rds_cluster")
	engine := lower(unknown.known_string(r.config.engine))
	parameter := cluster_tls_parameter[engine]
	some where in group_without(r, parameter, cluster_groups)
	cluster_off(engine, r, where.family)
	text := "%s (%s) %s, so %s stays at its default %s and the cluster accepts connections without TLS"
	msg := sprintf(text, [r.address, engine, where.text, parameter, cluster_default[engine]])
}

# terraform-aws-modules/rds calls (the root module), read at commits a90f423f (v1) and ea79aa63
# (v6; v7 renames no input): without parameter_group_name the instance gets the module's own group,
# built from family and parameters (a list of {name, value, apply_method}, default []), or, with
# create_db_parameter_group = false, the default group. Either way a parameters list that does not
# name the TLS parameter leaves it at the engine's default. A call naming a group is not judged:
# v1 then uses that group, v6 creates one under that name.
deny contains result.fail(m, ["engine"], msg) if {
	some m in modules.rds_instances
	modules.submodule(m.source) == ""
	object.get(m.config, "parameter_group_name", null) == null
	create := object.get(m.config, "create_db_parameter_group", true)
	is_boolean(create)
	engine := lower(unknown.known_string(m.config.engine))
	parameter := tls_parameter(engine)
	parameters := object.get(m.config, "parameters", [])
	is_array(parameters)
	every p in parameters {
		is_string(object.get(p, "name", null))
		lower(p.name) != parameter
	}
	where := module_group(m, create, parameter)
	off(engine, m, where.family)
	msg := sprintf("%s (%s) %s, so %s stays at its default 0 and the database accepts connections without TLS", [m.address, engine, where.text, parameter])
}

cluster_tls_parameter := {"aurora-mysql": "require_secure_transport", "aurora-postgresql": "rds.force_ssl"}

cluster_default := {"aurora-mysql": "OFF", "aurora-postgresql": "0"}

cluster_off("aurora-mysql", _, _)

cluster_off("aurora-postgresql", r, family) if {
	v := version(r, family)
	count(v) == 2
	v[0] < 15
}

# Where each kind of resource names its parameter group, and the group's type and label.
instance_groups := {"attr": "parameter_group_name", "type": "aws_db_parameter_group", "label": "DB parameter group"}

cluster_groups := {"attr": "db_cluster_parameter_group_name", "type": "aws_rds_cluster_parameter_group", "label": "DB cluster parameter group"}

tls_parameter(engine) := "require_secure_transport" if engine in {"mysql", "mariadb"}

tls_parameter("postgres") := "rds.force_ssl"

tls_parameter(engine) := "rds.force_ssl" if startswith(engine, "sqlserver-")

# group_without(r, parameter, kind): where the instance's (or cluster's) parameters come from, when
# that source leaves the TLS parameter at the engine's default: {"text": ..., "family": the group's
# family or null}.
group_without(r, _, kind) := {{"text": sprintf("uses the default %s", [kind.label]), "family": default_family(r, kind)}} if default_group(r, kind)

group_without(r, parameter, kind) := found if {
	not default_group(r, kind)
	found := {where |
		some g in tf.resources(kind.type)
		names_group(r, g, kind)
		parameters := object.get(g.config, "parameter", [])
		not unknown.is_unknown(parameters)
		every p in tf.blocks(g, "parameter") {
			is_string(p.name)
			lower(p.name) != parameter
		}
		where := {
			"text": sprintf("uses %s, which does not set %s", [g.address, parameter]),
			"family": object.get(g.config, "family", null),
		}
	}
}

module_group(m, true, parameter) := {
	"text": sprintf("uses the module's parameter group, whose parameters do not set %s", [parameter]),
	"family": object.get(m.config, "family", null),
}

module_group(_, false, _) := {"text": "uses the default DB parameter group", "family": null}

# default_family(r, kind): the family a "default.<family>" name gives (RDS rejects a group whose family
# is not the instance's engine and major version), else null.
default_family(r, kind) := substring(name, 8, -1) if {
	name := unknown.known_string(object.get(r.config, kind.attr, null))
	startswith(name, "default.")
} else := null

default_group(r, kind) if tf.missing_attr(r, [kind.attr])

default_group(r, kind) if startswith(unknown.known_string(object.get(r.config, kind.attr, null)), "default.")

names_group(r, g, kind) if {
	some ref in tf.references_to(r, [kind.attr], kind.type)
	tf.refers_to(ref.target, g.address)
}

names_group(r, g, kind) if {
	name := unknown.known_string(object.get(r.config, kind.attr, null))
	name == unknown.known_string(g.config.name)
}

# version(r, family): [major, minor] of the engine, from engine_version, else from the group's
# family ("postgres14", "mysql8.0", "mariadb10.6", "sqlserver-se-15.0", "aurora-postgresql14");
# [] when neither is known.
version(r, family) := v if {
	text := unknown.known_string(r.config.engine_version)
	text != ""
	v := numbers_of(text)
} else := v if {
	tf.missing_attr(r, ["engine_version"])
	v := numbers_of(regex.find_n(`[0-9]+(\.[0-9]+)?$`, unknown.known_string(family), 1)[0])
} else := [] if {
	tf.missing_attr(r, ["engine_version"])
}

numbers_of(text) := [to_number(m[1]), minor(m[2])] if {
	m := regex.find_all_string_submatch_n(`^([0-9]+)(?:\.([0-9]+))?`, text, 1)[0]
}

minor("") := 0

minor(s) := to_number(s) if s != ""

# off(engine, r, family): the TLS parameter's default is 0 for the instance. SQL Server's is 0 in
# every version, so its version (unknown or not) is not read.
off(engine, _, _) if startswith(engine, "sqlserver-")

off(engine, r, family) if {
	not startswith(engine, "sqlserver-")
	off_by_default(engine, version(r, family))
}

# off_by_default(engine, version): the TLS parameter's default is 0 for that engine and version.
off_by_default("mysql", []) := true

off_by_default("mysql", v) if {
	count(v) == 2
	before(v, [9, 7])
}

off_by_default("mariadb", v) if {
	count(v) == 2
	not before(v, [10, 5])
	before(v, [11, 8])
}

off_by_default("postgres", v) if {
	count(v) == 2
	v[0] < 15
}

off_by_default(engine, _) if startswith(engine, "sqlserver-")

before(v, w) if v[0] < w[0]

before(v, w) if {
	v[0] == w[0]
	v[1] < w[1]
}

package palisade.aws.rds.instance_tls_not_required_test

import data.palisade.aws.rds.instance_tls_not_required as rule

db(config, refs) := {"address": "aws_db_instance.db", "type": "aws_db_instance", "name": "db", "config": config, "references": refs}

group(family, parameters) := {
	"address": "aws_db_parameter_group.tls", "type": "aws_db_parameter_group", "name": "tls",
	"config": {"family": family, "name": "tls", "parameter": parameters}, "references": [],
}

group_ref := [{"path": ["parameter_group_name"], "target": "aws_db_parameter_group.tls"}]

by_ref := {"parameter_group_name": {"$unknown": "aws_db_parameter_group.tls.name"}}

test_mysql_on_the_default_group_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.db (mysql) uses the default DB parameter group, so require_secure_transport stays at its default 0 and the database accepts connections without TLS",
		"resource": "aws_db_instance.db", "path": ["engine"],
	}} with input as {"resources": [db({"engine": "mysql"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mysql", "engine_version": "8.0.35", "parameter_group_name": "default.mysql8.0"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mysql", "engine_version": "8.4"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mysql", "engine_version": "5.7.44"}, [])]}
}

test_versions_that_require_tls_by_default_pass if {
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mysql", "engine_version": "9.7"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres", "engine_version": "15.4"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres", "engine_version": "17"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mariadb", "engine_version": "11.8"}, [])]}

	# MariaDB before 10.5 has no require_secure_transport: nothing a parameter group could set.
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mariadb", "engine_version": "10.4.34"}, [])]}
}

test_unset_postgres_or_mariadb_version_passes if {
	# RDS's current default version decides; the configuration does not.
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mariadb"}, [])]}
}

test_old_postgres_mariadb_and_sqlserver_fire if {
	some f in rule.deny with input as {"resources": [db({"engine": "postgres", "engine_version": "14.10"}, [])]}
	contains(f.msg, "rds.force_ssl stays at its default 0")
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mariadb", "engine_version": "10.11"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "sqlserver-se", "engine_version": "16.00.4095.4.v1"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "sqlserver-ex"}, [])]}
}

test_custom_group_without_the_parameter_fires if {
	rule.deny == {{
		"msg": "aws_db_instance.db (postgres) uses aws_db_parameter_group.tls, which does not set rds.force_ssl, so rds.force_ssl stays at its default 0 and the database accepts connections without TLS",
		"resource": "aws_db_instance.db", "path": ["engine"],
	}} with input as {"resources": [
		db(object.union(by_ref, {"engine": "postgres"}), group_ref),
		group("postgres14", [{"name": "log_min_duration_statement", "value": "1000"}]),
	]}

	# The version comes from engine_version first, then from the group's family.
	count(rule.deny) == 0 with input as {"resources": [
		db(object.union(by_ref, {"engine": "postgres"}), group_ref),
		group("postgres16", []),
	]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mysql", "parameter_group_name": "tls"}, []), group("mysql8.0", [])]}
}

test_custom_group_setting_the_parameter_passes if {
	count(rule.deny) == 0 with input as {"resources": [
		db(object.union(by_ref, {"engine": "mysql", "engine_version": "8.0"}), group_ref),
		group("mysql8.0", [{"name": "require_secure_transport", "value": "1"}]),
	]}

	# Set to 0: RDS-019 reports the group; not reported twice.
	count(rule.deny) == 0 with input as {"resources": [
		db(object.union(by_ref, {"engine": "mysql", "engine_version": "8.0"}), group_ref),
		group("mysql8.0", [{"name": "Require_Secure_Transport", "value": "0"}]),
	]}
}

test_unknowns_pass if {
	count(rule.deny) == 0 with input as {"resources": [db({"engine": {"$unknown": "var.engine"}}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mysql", "engine_version": {"$unknown": "var.version"}}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mysql", "parameter_group_name": {"$unknown": "var.group"}}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mysql", "parameter_group_name": "shared-tls"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [
		db(object.union(by_ref, {"engine": "mysql"}), group_ref),
		group("mysql8.0", {"$unknown": "var.parameters"}),
	]}
	count(rule.deny) == 0 with input as {"resources": [
		db(object.union(by_ref, {"engine": "mysql"}), group_ref),
		group("mysql8.0", [{"name": {"$unknown": "each.key"}, "value": "1"}]),
	]}
}

test_aurora_and_oracle_are_not_judged if {
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "aurora-mysql", "cluster_identifier": "c"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "aurora-postgresql", "cluster_identifier": "c"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "oracle-ee"}, [])]}
}

# R5: SQL Server's rds.force_ssl is 0 in every version, so a version the configuration does not
# show (a variable) does not keep the finding away.
test_sqlserver_with_an_unknown_version_fires if {
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "sqlserver-ex", "engine_version": {"$unknown": "var.version"}}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres", "engine_version": {"$unknown": "var.version"}}, [])]}
}

# R5: a default group named by its family ("default.postgres14") fixes the major version, as a
# declared group's family does; RDS rejects a group whose family is not the instance's.
test_default_group_name_gives_the_version if {
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "postgres", "parameter_group_name": "default.postgres14"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "postgres", "parameter_group_name": "default.postgres16"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [db({"engine": "mariadb", "parameter_group_name": "default.mariadb10.6"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [db({"engine": "mariadb", "parameter_group_name": "default.mariadb11.8"}, [])]}
}

# Session 23: Aurora clusters, by their DB cluster parameter group (Aurora User Guide: Aurora MySQL 2
# and 3 require_secure_transport OFF by default; Aurora PostgreSQL rds.force_ssl 0 by default).
cluster(config, refs) := {"address": "aws_rds_cluster.db", "type": "aws_rds_cluster", "name": "db", "config": config, "references": refs}

cluster_group(family, parameters) := {
	"address": "aws_rds_cluster_parameter_group.tls", "type": "aws_rds_cluster_parameter_group", "name": "tls",
	"config": {"family": family, "name": "tls", "parameter": parameters}, "references": [],
}

cluster_ref := [{"path": ["db_cluster_parameter_group_name"], "target": "aws_rds_cluster_parameter_group.tls"}]

cluster_by_ref := {"db_cluster_parameter_group_name": {"$unknown": "aws_rds_cluster_parameter_group.tls.name"}}

test_aurora_mysql_on_the_default_group_fires if {
	rule.deny == {{
		"msg": "aws_rds_cluster.db (aurora-mysql) uses the default DB cluster parameter group, so require_secure_transport stays at its default OFF and the cluster accepts connections without TLS",
		"resource": "aws_rds_cluster.db", "path": ["engine"],
	}} with input as {"resources": [cluster({"engine": "aurora-mysql"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"engine": "aurora-mysql", "engine_version": "5.7.mysql_aurora.2.11.2"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"engine": "aurora-mysql", "engine_version": "8.0.mysql_aurora.3.05.2", "db_cluster_parameter_group_name": "default.aurora-mysql8.0"}, [])]}
}

test_aurora_custom_group_without_the_parameter_fires if {
	rule.deny == {{
		"msg": "aws_rds_cluster.db (aurora-postgresql) uses aws_rds_cluster_parameter_group.tls, which does not set rds.force_ssl, so rds.force_ssl stays at its default 0 and the cluster accepts connections without TLS",
		"resource": "aws_rds_cluster.db", "path": ["engine"],
	}} with input as {"resources": [
		cluster(object.union({"engine": "aurora-postgresql"}, cluster_by_ref), cluster_ref),
		cluster_group("aurora-postgresql14", [{"name": "log_min_duration_statement", "value": "500"}]),
	]}
	count(rule.deny) == 1 with input as {"resources": [
		cluster({"engine": "aurora-mysql", "db_cluster_parameter_group_name": "tls"}, []),
		cluster_group("aurora-mysql8.0", []),
	]}
}

test_aurora_postgresql_version_decides if {
	count(rule.deny) == 1 with input as {"resources": [cluster({"engine": "aurora-postgresql", "engine_version": "13.12"}, [])]}
	count(rule.deny) == 1 with input as {"resources": [cluster({"engine": "aurora-postgresql", "db_cluster_parameter_group_name": "default.aurora-postgresql14"}, [])]}

	# 15 and later, and an unset or unknown version: not judged.
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "engine_version": "15.4"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "engine_version": "16.6"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-postgresql", "engine_version": {"$unknown": "var.v"}}, [])]}
}

test_aurora_that_requires_tls_or_is_not_known_passes if {
	on := cluster_group("aurora-mysql8.0", [{"name": "require_secure_transport", "value": "ON"}])
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union({"engine": "aurora-mysql"}, cluster_by_ref), cluster_ref), on]}

	# A group that sets the parameter to OFF/0 is RDS-019's finding, not this rule's.
	off := cluster_group("aurora-mysql8.0", [{"name": "require_secure_transport", "value": "OFF"}])
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union({"engine": "aurora-mysql"}, cluster_by_ref), cluster_ref), off]}

	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-mysql", "db_cluster_parameter_group_name": {"$unknown": "var.group"}}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora-mysql", "db_cluster_parameter_group_name": "shared-tls"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": "aurora"}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({}, [])]}
	count(rule.deny) == 0 with input as {"resources": [cluster({"engine": {"$unknown": "var.engine"}}, [])]}
	dyn := object.union(cluster_group("aurora-mysql8.0", []), {"config": {"family": "aurora-mysql8.0", "name": "tls", "parameter": {"$unknown": "dynamic"}}})
	count(rule.deny) == 0 with input as {"resources": [cluster(object.union({"engine": "aurora-mysql"}, cluster_by_ref), cluster_ref), dyn]}
}

# terraform-aws-modules/rds (session 23), read at commits a90f423f (v1) and ea79aa63 (v6; v7 renames
# no input): a call without parameter_group_name gives its instance the module's own group (family,
# parameters as a list of {name, value}) or, with create_db_parameter_group = false, the default
# group; either way a parameters list that does not name the TLS parameter leaves it at 0.
rds_call(config) := {"address": "module.db", "source": "terraform-aws-modules/rds/aws", "version": "~> 6.0", "config": config}

rds_input(config) := {"resources": [], "modules": [rds_call(config)]}

test_module_group_without_the_parameter_fires if {
	rule.deny == {{
		"msg": "module.db (mysql) uses the module's parameter group, whose parameters do not set require_secure_transport, so require_secure_transport stays at its default 0 and the database accepts connections without TLS",
		"resource": "module.db", "path": ["engine"],
	}} with input as rds_input({"engine": "mysql", "engine_version": "8.0.35", "family": "mysql8.0", "parameters": [{"name": "character_set_server", "value": "utf8mb4"}]})
	count(rule.deny) == 1 with input as rds_input({"engine": "postgres", "family": "postgres14"})
	count(rule.deny) == 1 with input as rds_input({"engine": "postgres", "engine_version": "13.7", "create_db_parameter_group": false})
}

test_module_group_that_sets_it_or_cannot_be_read_passes if {
	count(rule.deny) == 0 with input as rds_input({"engine": "mysql", "family": "mysql8.0", "parameters": [{"name": "require_secure_transport", "value": "1"}]})
	count(rule.deny) == 0 with input as rds_input({"engine": "mysql", "family": "mysql8.0", "parameters": {"$unknown": "var.p"}})
	count(rule.deny) == 0 with input as rds_input({"engine": "mysql", "family": "mysql8.0", "parameters": [{"name": {"$unknown": "var.n"}, "value": "1"}]})
	count(rule.deny) == 0 with input as rds_input({"engine": "mysql", "family": "mysql8.0", "parameter_group_name": "shared-tls"})
	count(rule.deny) == 0 with input as rds_input({"engine": "postgres", "family": "postgres16"})
	count(rule.deny) == 0 with input as rds_input({"engine": "postgres"})
	count(rule.deny) == 0 with input as rds_input({"engine": "mysql", "family": "mysql8.0", "create_db_parameter_group": {"$unknown": "var.c"}})
	submodule := object.union(rds_call({"engine": "mysql"}), {"source": "terraform-aws-modules/rds/aws//modules/db_instance"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [submodule]}
}

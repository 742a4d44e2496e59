# METADATA
# title: Aurora MySQL cluster keeps no audit log
# description: |
#   Aurora MySQL's Advanced Auditing records connections, queries and table access only when the
#   cluster's DB cluster parameter group sets server_audit_logging to 1 (default OFF) and names the
#   events to record in server_audit_events (default empty: nothing is logged). The default cluster
#   parameter group sets neither, nor does a custom group that leaves them out. The log reaches
#   CloudWatch Logs only when "audit" is in enabled_cloudwatch_logs_exports. Reported: a cluster that
#   exports other logs but not "audit", and a cluster that exports "audit" while its parameter group
#   leaves auditing off (it looks audited and records nothing). A cluster exporting nothing is
#   RDS-014's finding. terraform-aws-modules/rds-aurora calls are read through their exports and,
#   before v10, their own cluster parameter group (create_db_cluster_parameter_group and
#   db_cluster_parameter_group_parameters) or db_cluster_parameter_group_name.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html
# custom:
#   id: PAL-AWS-RDS-021
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_rds_cluster, aws_rds_cluster_parameter_group, "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_325
#   cwe: ["CWE-778"]
#   remediation: >-
#     Give the cluster a DB cluster parameter group (aws_rds_cluster_parameter_group,
#     db_cluster_parameter_group_name) with server_audit_logging = 1 and the events to record in
#     server_audit_events (e.g. CONNECT,QUERY_DCL,QUERY_DDL), and add "audit" to
#     enabled_cloudwatch_logs_exports.
#   fixable: false
#   follows: [PAL-AWS-RDS-014]
package palisade.aws.rds.aurora_mysql_audit_log_disabled

# As DOCDB-006 and NEPTUNE-007: a group the unit declares is judged through the clusters that name
# it (by reference or by name); a group named otherwise (a variable, another module) or a parameter
# list that is not known is left alone. No fix, unlike those two: turning server_audit_logging on
# records nothing until server_audit_events names events, and which events to record (QUERY logs
# every statement, with its cost and load) is the owner's choice; the default group would need a
# new group naming the engine's family. Aurora MySQL 1 ("aurora") is read too; Serverless v1
# clusters publish logs through their parameter group and are not judged (RDS-014).

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

off_values := {"0", "off", "false"}

exports := ["enabled_cloudwatch_logs_exports"]

aurora_mysql(r) if lower(unknown.known_string(r.config.engine)) in {"aurora-mysql", "aurora"}

judged(r) if {
	aurora_mysql(r)
	not lower(unknown.known_string(r.config.engine_mode)) == "serverless"
}

exports_audit(r) if {
	some e in r.config.enabled_cloudwatch_logs_exports
	e == "audit"
}

# Other logs exported, the audit log not (a cluster, or an rds-aurora call: the module passes
# enabled_cloudwatch_logs_exports to its cluster in every major read, v5 and v9).
deny contains result.fail(r, exports, msg) if {
	some r in array.concat(tf.resources("aws_rds_cluster"), modules.aurora_clusters)
	judged(r)
	listed := r.config.enabled_cloudwatch_logs_exports
	is_array(listed)
	count(listed) > 0
	every e in listed {
		is_string(e)
		e != "audit"
	}
	msg := sprintf("%s exports %s but not the audit log (\"audit\", with server_audit_logging = 1)", [r.address, concat(", ", listed)])
}

# Audit exported, default group: auditing is off.
deny contains result.fail(r, exports, msg) if {
	some r in tf.resources("aws_rds_cluster")
	judged(r)
	exports_audit(r)
	default_group(r)
	text := "%s exports audit logs but keeps a default cluster parameter group, whose server_audit_logging is 0: Aurora writes no audit log"
	msg := sprintf(text, [r.address])
}

# A declared group that leaves auditing off or names no event (one finding per group, naming its
# clusters): Aurora logs no audit data without both.
deny contains result.fail(g, ["parameter"], msg) if {
	some g in tf.resources("aws_rds_cluster_parameter_group")
	parameters := object.get(g.config, "parameter", [])
	not unknown.is_unknown(parameters)
	every p in tf.blocks(g, "parameter") {
		is_string(p.name)
	}
	some gap in gaps(tf.blocks(g, "parameter"))
	clusters := audited_by(g)
	msg := sprintf("%s %s, so %s exports no audit log", [g.address, gap, clusters])
}

# terraform-aws-modules/rds-aurora, read at commit 26ccdea0 (v9; the inputs came with v7): with
# create_db_cluster_parameter_group = true (default false) the cluster gets the module's own group,
# whose parameters are db_cluster_parameter_group_parameters (a list of {name, value,
# apply_method}, default []); otherwise db_cluster_parameter_group_name (default null: the default
# group). v10 nests the group under cluster_parameter_group (docs/UPGRADE-10.0.md) and was not
# read: a call using it, or not pinned below v10, is not judged on its group.
deny contains result.fail(m, ["db_cluster_parameter_group_parameters"], msg) if {
	some m in modules.aurora_clusters
	judged(m)
	exports_audit(m)
	unknown.is_true(object.get(m.config, "create_db_cluster_parameter_group", false))
	parameters := object.get(m.config, "db_cluster_parameter_group_parameters", [])
	is_array(parameters)
	every p in parameters {
		is_object(p)
		is_string(object.get(p, "name", null))
	}
	some gap in gaps(parameters)
	msg := sprintf("%s's cluster parameter group %s, so %s exports no audit log", [m.address, gap, m.address])
}

deny contains result.fail(m, exports, msg) if {
	some m in modules.aurora_clusters
	judged(m)
	exports_audit(m)
	modules.pinned_below(m, 10)
	object.get(m.config, "create_db_cluster_parameter_group", false) == false
	every name in ["cluster_parameter_group", "cluster_parameter_group_name"] {
		object.get(m.config, name, null) == null
	}
	module_default_group(m)
	text := "%s exports audit logs but keeps a default cluster parameter group, whose server_audit_logging is 0: Aurora writes no audit log"
	msg := sprintf(text, [m.address])
}

# gaps(parameters): what a group's parameter list (each {name, value}) leaves out.
gaps(parameters) := {gap | gap := logging_gap(parameters)} | {gap | gap := events_gap(parameters)}

logging_gap(parameters) := "leaves server_audit_logging at its default OFF" if {
	every p in parameters {
		lower(p.name) != "server_audit_logging"
	}
} else := sprintf("sets server_audit_logging to %v", [p.value]) if {
	some p in parameters
	lower(p.name) == "server_audit_logging"
	lower(trim_space(sprintf("%v", [p.value]))) in off_values
}

events_gap(parameters) := "names no server_audit_events" if {
	every p in parameters {
		not named_events(p)
	}
}

named_events(p) if {
	lower(p.name) == "server_audit_events"
	not trim_space(unknown.known_string(p.value)) == ""
}

default_group(r) if tf.missing_attr(r, ["db_cluster_parameter_group_name"])

default_group(r) if startswith(unknown.known_string(r.config.db_cluster_parameter_group_name), "default.")

# audited_by(g): the Aurora MySQL clusters exporting audit logs that name root group g, as text;
# undefined when none.
audited_by(g) := concat(", ", sort(clusters)) if {
	not g.module
	not g.index
	clusters := {r.address |
		some r in tf.resources("aws_rds_cluster")
		judged(r)
		exports_audit(r)
		names_group(r, g)
	}
	count(clusters) > 0
}

names_group(r, g) if {
	some ref in tf.references_to(r, ["db_cluster_parameter_group_name"], "aws_rds_cluster_parameter_group")
	tf.refers_to(ref.target, g.address)
}

names_group(r, g) if {
	name := unknown.known_string(r.config.db_cluster_parameter_group_name)
	name == unknown.known_string(g.config.name)
}

module_default_group(m) if object.get(m.config, "db_cluster_parameter_group_name", null) == null

module_default_group(m) if startswith(unknown.known_string(m.config.db_cluster_parameter_group_name), "default.")

# METADATA
# title: DocumentDB cluster exports audit logs that DocumentDB never writes
# description: |
#   Listing "audit" in enabled_cloudwatch_logs_exports only publishes the audit log: DocumentDB
#   records audit events only when the cluster's parameter group sets audit_logs to enabled (or to
#   the event classes wanted: ddl, dml_read, dml_write, all). The default cluster parameter group
#   leaves it disabled, and so does a custom group that does not set it or sets disabled or none.
#   The cluster then looks audited while no authentication, DDL or user-management event is kept.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/cluster_parameter_groups-list_of_parameters.html
# custom:
#   id: PAL-AWS-DOCDB-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_docdb_cluster, aws_docdb_cluster_parameter_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_104
#   cwe: ["CWE-778"]
#   remediation: >-
#     Give the cluster a cluster parameter group (aws_docdb_cluster_parameter_group,
#     db_cluster_parameter_group_name) with a parameter audit_logs = "enabled".
#   fixable: true
#   follows: [PAL-AWS-DOCDB-003]
package palisade.aws.docdb.audit_log_disabled

# DOCDB-003 asks for the export; its fix lists "audit" and so reveals this finding (custom.follows).
# A group the unit declares is judged through the cluster that names it (by reference or by name);
# a group named otherwise (a variable, another module) or a parameter list that is not known is
# left alone. The fix turns the parameter on in a declared root group; the default group gets no
# fix (a new group must name the engine's family, docdb3.6 to docdb5.0, which is the author's).
# Every cluster is looked up once per group, and groups are few: no walk over all resources.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

audit_parameter := "audit_logs"

# The values that record nothing; any other (enabled, all, ddl, dml_read, dml_write or a list of
# them) records something.
off_values := {"disabled", "none"}

exports_audit(r) if {
	some e in r.config.enabled_cloudwatch_logs_exports
	e == "audit"
}

deny contains result.fail(r, ["enabled_cloudwatch_logs_exports"], msg) if {
	some r in tf.resources("aws_docdb_cluster")
	exports_audit(r)
	default_group(r)
	text := "%s exports audit logs but keeps a default cluster parameter group, whose audit_logs is disabled: DocumentDB writes no audit log"
	msg := sprintf(text, [r.address])
}

# A declared group that leaves the parameter out (one finding per group, naming its clusters).
deny contains result.fail_fix(g, ["parameter"], msg, [result.append_block([], "parameter", {"name": audit_parameter, "value": "enabled"})]) if {
	some g in tf.resources("aws_docdb_cluster_parameter_group")
	not unknown.is_unknown(object.get(g.config, "parameter", []))
	every p in tf.blocks(g, "parameter") {
		is_string(p.name)
		p.name != audit_parameter
	}
	clusters := audited_by(g)
	msg := sprintf("%s leaves %s disabled, so %s exports no audit log", [g.address, audit_parameter, clusters])
}

# A declared group that turns it off.
deny contains result.fail_fix(g, path, msg, [result.set(path, "enabled")]) if {
	some g in tf.resources("aws_docdb_cluster_parameter_group")
	clusters := audited_by(g)
	some i, p in tf.blocks(g, "parameter")
	p.name == audit_parameter
	value := lower(unknown.known_string(p.value))
	value in off_values
	path := ["parameter", i, "value"]
	msg := sprintf("%s sets %s to %s, so %s exports no audit log", [g.address, audit_parameter, value, clusters])
}

default_group(r) if tf.missing_attr(r, ["db_cluster_parameter_group_name"])

default_group(r) if startswith(unknown.known_string(r.config.db_cluster_parameter_group_name), "default.")

# audited_by(g): the clusters exporting audit logs that name root group g, as text; undefined when none.
audited_by(g) := concat(", ", sort(clusters)) if {
	not g.module
	not g.index
	clusters := {r.address |
		some r in tf.resources("aws_docdb_cluster")
		exports_audit(r)
		names_group(r, g)
	}
	count(clusters) > 0
}

names_group(r, g) if {
	some ref in tf.references_to(r, ["db_cluster_parameter_group_name"], "aws_docdb_cluster_parameter_group")
	tf.refers_to(ref.target, g.address)
}

names_group(r, g) if {
	name := unknown.known_string(r.config.db_cluster_parameter_group_name)
	name == unknown.known_string(g.config.name)
}

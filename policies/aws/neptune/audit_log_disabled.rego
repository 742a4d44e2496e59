# METADATA
# title: Neptune cluster exports audit logs that Neptune never writes
# description: |
#   Listing "audit" in enable_cloudwatch_logs_exports only publishes the audit log: Neptune writes
#   one only when the cluster's DB cluster parameter group sets neptune_enable_audit_log to 1. The
#   default cluster parameter group leaves it at 0, and so does a custom group that does not set
#   it; the parameter is a cluster parameter, so setting it in an instance parameter group
#   (aws_neptune_parameter_group) does nothing. The cluster then looks audited and records no
#   query or connection.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/parameters.html
# custom:
#   id: PAL-AWS-NEPTUNE-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster, aws_neptune_cluster_parameter_group]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Give the cluster a DB cluster parameter group (aws_neptune_cluster_parameter_group,
#     neptune_cluster_parameter_group_name) with a parameter neptune_enable_audit_log = 1.
#   fixable: true
#   follows: [PAL-AWS-NEPTUNE-004]
package palisade.aws.neptune.audit_log_disabled

# NEPTUNE-004 asks for the export; its fix lists "audit" and so reveals this finding (custom.follows).
# A group the unit declares is judged through the cluster that names it (by reference or by name);
# a group named otherwise (a variable, another module) or a parameter list that is not known is
# left alone. The fix turns the parameter on in a declared root group; the default group gets no
# fix (a new group must name the engine's family, neptune1 to neptune1.4, which is the author's).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

exports_audit(r) if {
	some e in r.config.enable_cloudwatch_logs_exports
	e == "audit"
}

deny contains result.fail(r, ["enable_cloudwatch_logs_exports"], msg) if {
	some r in tf.resources("aws_neptune_cluster")
	exports_audit(r)
	default_group(r)
	text := "%s exports audit logs but keeps a default cluster parameter group, whose neptune_enable_audit_log is 0: Neptune writes no audit log"
	msg := sprintf(text, [r.address])
}

# A declared group that leaves the parameter out (one finding per group, naming its clusters).
deny contains result.fail_fix(g, ["parameter"], msg, [result.append_block([], "parameter", {"name": audit_parameter, "value": "1"})]) if {
	some g in tf.resources("aws_neptune_cluster_parameter_group")
	not unknown.is_unknown(object.get(g.config, "parameter", []))
	every p in tf.blocks(g, "parameter") {
		is_string(p.name)
		p.name != audit_parameter
	}
	clusters := audited_by(g)
	msg := sprintf("%s leaves %s at 0, so %s exports no audit log", [g.address, audit_parameter, clusters])
}

# A declared group that sets it to 0.
deny contains result.fail_fix(g, path, msg, [result.set(path, "1")]) if {
	some g in tf.resources("aws_neptune_cluster_parameter_group")
	clusters := audited_by(g)
	some i, p in tf.blocks(g, "parameter")
	p.name == audit_parameter
	sprintf("%v", [p.value]) == "0"
	path := ["parameter", i, "value"]
	msg := sprintf("%s sets %s to 0, so %s exports no audit log", [g.address, audit_parameter, clusters])
}

audit_parameter := "neptune_enable_audit_log"

default_group(r) if tf.missing_attr(r, ["neptune_cluster_parameter_group_name"])

default_group(r) if startswith(unknown.known_string(r.config.neptune_cluster_parameter_group_name), "default.")

# audited_by(g): the clusters exporting audit logs that name root group g, as text; undefined when none.
audited_by(g) := concat(", ", sort(clusters)) if {
	not g.module
	not g.index
	clusters := {r.address |
		some r in tf.resources("aws_neptune_cluster")
		exports_audit(r)
		names_group(r, g)
	}
	count(clusters) > 0
}

names_group(r, g) if {
	some ref in tf.references_to(r, ["neptune_cluster_parameter_group_name"], "aws_neptune_cluster_parameter_group")
	tf.refers_to(ref.target, g.address)
}

names_group(r, g) if {
	name := unknown.known_string(r.config.neptune_cluster_parameter_group_name)
	name == unknown.known_string(g.config.name)
}

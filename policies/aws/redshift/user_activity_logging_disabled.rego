# METADATA
# title: Redshift cluster exports a user activity log that Redshift never writes
# description: |
#   Listing "useractivitylog" in the cluster's audit log exports (aws_redshift_logging, or the
#   cluster's logging block) only delivers the log: Redshift records each query in it only when
#   the cluster's parameter group sets enable_user_activity_logging to true. The parameter defaults
#   to false, so the default parameter group (default.redshift-1.0) and a custom group that leaves
#   it out or sets it to false keep no record of the SQL run against the cluster while the cluster
#   looks audited.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-parameter-groups.html
# custom:
#   id: PAL-AWS-REDSHIFT-014
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, aws_redshift_logging, aws_redshift_parameter_group]
#   frameworks: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Give the cluster a parameter group (aws_redshift_parameter_group, cluster_parameter_group_name)
#     with a parameter enable_user_activity_logging = "true".
#   fixable: true
package palisade.aws.redshift.user_activity_logging_disabled

# A group the unit declares is judged through the clusters that name it (by reference or by name);
# a group named otherwise (a variable, another module) or a parameter list that is not known is
# left alone. The fix turns the parameter on in a declared root group (Redshift applies it at the
# cluster's next reboot); the default group gets no fix (a new group is the author's: family,
# other parameters). A logging resource whose cluster is unknown is left alone. Clusters and
# groups are few: no walk over all resources.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

parameter := "enable_user_activity_logging"

# exports(): each place that asks for the user activity log, with its cluster.
exports contains {"resource": c, "path": ["logging", i, "log_exports"], "cluster": c} if {
	some c in tf.resources("aws_redshift_cluster")
	some i, block in tf.blocks(c, "logging")
	unknown.is_true(block.enable)
	"useractivitylog" in unknown.items(block.log_exports)
}

exports contains {"resource": l, "path": ["log_exports"], "cluster": c} if {
	some l in tf.resources("aws_redshift_logging")
	"useractivitylog" in unknown.items(l.config.log_exports)
	some c in tf.resources("aws_redshift_cluster")
	logs_cluster(l, c)
}

logs_cluster(l, c) if {
	some ref in tf.references_to(l, ["cluster_identifier"], "aws_redshift_cluster")
	tf.refers_to(ref.target, c.address)
}

logs_cluster(l, c) if {
	id := unknown.known_string(l.config.cluster_identifier)
	id == c.config.cluster_identifier
}

# The cluster keeps a default parameter group: reported where the log is asked for.
deny contains result.fail(e.resource, e.path, msg) if {
	some e in exports
	default_group(e.cluster)
	text := "%s exports the user activity log but %s keeps a default parameter group, whose %s is false: Redshift writes no user activity log"
	msg := sprintf(text, [e.resource.address, e.cluster.address, parameter])
}

# A declared group that leaves the parameter out (one finding per group, naming its clusters).
deny contains result.fail_fix(g, ["parameter"], msg, [result.append_block([], "parameter", {"name": parameter, "value": "true"})]) if {
	some g in tf.resources("aws_redshift_parameter_group")
	not unknown.is_unknown(object.get(g.config, "parameter", []))
	every p in tf.blocks(g, "parameter") {
		is_string(p.name)
		p.name != parameter
	}
	clusters := logged_by(g)
	msg := sprintf("%s leaves %s false, so %s exports no user activity log", [g.address, parameter, clusters])
}

# A declared group that turns it off.
deny contains result.fail_fix(g, path, msg, [result.set(path, "true")]) if {
	some g in tf.resources("aws_redshift_parameter_group")
	clusters := logged_by(g)
	some i, p in tf.blocks(g, "parameter")
	p.name == parameter
	lower(unknown.known_string(p.value)) == "false"
	path := ["parameter", i, "value"]
	msg := sprintf("%s sets %s to false, so %s exports no user activity log", [g.address, parameter, clusters])
}

default_group(c) if tf.missing_attr(c, ["cluster_parameter_group_name"])

default_group(c) if startswith(unknown.known_string(c.config.cluster_parameter_group_name), "default.")

# logged_by(g): the clusters exporting the user activity log that name root group g, as text;
# undefined when none.
logged_by(g) := concat(", ", sort(clusters)) if {
	not g.module
	not g.index
	clusters := {e.cluster.address |
		some e in exports
		names_group(e.cluster, g)
	}
	count(clusters) > 0
}

names_group(c, g) if {
	some ref in tf.references_to(c, ["cluster_parameter_group_name"], "aws_redshift_parameter_group")
	tf.refers_to(ref.target, g.address)
}

names_group(c, g) if {
	name := unknown.known_string(c.config.cluster_parameter_group_name)
	name == unknown.known_string(g.config.name)
}

# METADATA
# title: Redshift cluster audit logging is not enabled
# description: |
#   Redshift audit logging records connections, user changes and (with user activity logging)
#   every query run. Without it there is no record of who connected to the warehouse or what they
#   read. It is enabled with an aws_redshift_logging resource for the cluster (or, before provider
#   v6, the cluster's logging block with enable = true), delivering to S3 or CloudWatch Logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4
# custom:
#   id: PAL-AWS-REDSHIFT-007
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_redshift_cluster, aws_redshift_logging, aws_redshift_parameter_group]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_71
#     kics: 15ffbacc-fa42-4f6f-a57d-2feac7365caa
#   cwe: ["CWE-778"]
#   remediation: >-
#     Add an aws_redshift_logging resource for the cluster (log_destination_type cloudwatch or s3).
#     The fix adds one that exports the connection, user and user activity logs to CloudWatch Logs.
#   fixable: true
package palisade.aws.redshift.audit_logging_disabled

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# A logging block that says enable = false: reported on that line.
deny contains fixes.finding(r, array.concat(["logging", i], ["enable"]), msg(r), disabled_block_ops(r, i, block)) if {
	some r in tf.resources("aws_redshift_cluster")
	not logged_by_resource(r)
	some i, block in tf.blocks(r, "logging")
	unknown.is_false(block.enable)
}

# No logging block and no aws_redshift_logging for the cluster: reported on the cluster.
deny contains fixes.finding(r, ["logging"], msg(r), logging_resource_ops(r)) if {
	some r in tf.resources("aws_redshift_cluster")
	not logged_by_resource(r)
	tf.missing_attr(r, ["logging"])
}

# The fix adds an aws_redshift_logging (provider v5.45.0 on; the cluster's logging block it
# replaces is gone in v6) that sends the audit logs to CloudWatch Logs: Redshift creates the log
# groups (/aws/redshift/cluster/<id>/<log type>) through its service-linked role, so nothing else
# is needed, whereas S3 delivery would need a bucket with a policy for the Redshift service. The
# user activity log is filled only when the parameter group sets enable_user_activity_logging, so
# it is exported only when a declared group the cluster names does (round 36: exporting a log that
# is never written is PAL-AWS-REDSHIFT-014's finding). No fix when a constraint keeps the provider
# below v5.45, when the cluster is one instance of several or inside a module, or when the name is
# taken.
logging_resource_ops(r) := [result.add_resource("aws_redshift_logging", r.name, {
	"cluster_identifier": result.expr(sprintf("%s.id", [r.address])),
	"log_destination_type": "cloudwatch",
	"log_exports": array.concat(["connectionlog", "userlog"], activity_log(r)),
})] if {
	fixes.can_reference(r)
	not tf.provider_below_version("aws", 5, 45)
	not logging_named(r.name)
} else := []

activity_log(r) := ["useractivitylog"] if {
	some g in tf.resources("aws_redshift_parameter_group")
	names_group(r, g)
	some p in tf.blocks(g, "parameter")
	p.name == "enable_user_activity_logging"
	lower(unknown.known_string(p.value)) == "true"
} else := []

names_group(r, g) if {
	some ref in tf.references_to(r, ["cluster_parameter_group_name"], "aws_redshift_parameter_group")
	tf.refers_to(ref.target, g.address)
}

names_group(r, g) if {
	name := unknown.known_string(r.config.cluster_parameter_group_name)
	name == unknown.known_string(g.config.name)
}

logging_named(name) if {
	some l in tf.resources("aws_redshift_logging")
	not l.module
	l.name == name
}

msg(r) := sprintf("%s does not have audit logging enabled", [r.address])

# logged_by_resource(r): an aws_redshift_logging names the cluster, by reference or by the same
# literal identifier; one whose cluster is unknown and unresolved may be for any cluster.
logged_by_resource(r) if count(tf.referencing(r.address, "aws_redshift_logging", ["cluster_identifier"])) > 0

logged_by_resource(r) if {
	some l in tf.resources("aws_redshift_logging")
	id := unknown.known_string(l.config.cluster_identifier)
	id == r.config.cluster_identifier
}

logged_by_resource(_) if {
	some l in tf.resources("aws_redshift_logging")
	unknown.is_unknown(l.config.cluster_identifier)
	count(l.references) == 0
}

# A logging block that only says enable = false: the provider's documented move from that
# deprecated block to aws_redshift_logging (the two must not both manage the cluster's logging),
# so the block goes and the resource of logging_resource_ops comes. A block that also names a
# bucket or log types is its author's design to carry over.
disabled_block_ops(r, i, block) := array.concat([result.remove(["logging", i])], ops) if {
	count(tf.blocks(r, "logging")) == 1
	every k, _ in block {
		k == "enable"
	}
	ops := logging_resource_ops(r)
	count(ops) > 0
} else := []

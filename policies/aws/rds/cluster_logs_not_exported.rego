# METADATA
# title: RDS cluster publishes no logs to CloudWatch Logs
# description: |
#   An Aurora (or Multi-AZ DB) cluster without enabled_cloudwatch_logs_exports keeps its error,
#   audit and query logs on the cluster's instances, rotated away within days and gone with them,
#   so failed logins, errors and suspicious queries leave no durable record to alert on or
#   investigate. The cluster decides this for every instance in it (instances' own setting is
#   ignored). Any exported log type counts here; which ones to add (audit logs need the audit
#   plugin or pgaudit in the cluster parameter group) is the owner's choice. Aurora Serverless v1
#   clusters are not judged: they publish logs through their parameter group, not this argument.
#   Opaque terraform-aws-modules/rds-aurora calls pass the list unchanged (default: none).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/publishing_cloudwatchlogs.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-34
# custom:
#   id: PAL-AWS-RDS-014
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_rds_cluster, "module:terraform-aws-modules/rds-aurora/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_324
#   cwe: ["CWE-778"]
#   remediation: Set enabled_cloudwatch_logs_exports, e.g. ["postgresql"] (Aurora PostgreSQL) or ["audit", "error", "slowquery"] (Aurora MySQL).
#   fixable: true
package palisade.aws.rds.cluster_logs_not_exported

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

path := ["enabled_cloudwatch_logs_exports"]

deny contains result.fail_fix(r, path, msg(r), fix(r, tf.resources("aws_rds_cluster"))) if {
	some r in tf.resources("aws_rds_cluster")
	not serverless_v1(r)
	no_exports(r)
}

deny contains result.fail_fix(m, path, msg(m), fix(m, modules.aurora_clusters)) if {
	some m in modules.aurora_clusters
	not serverless_v1(m)
	no_exports(m)
}

serverless_v1(r) if lower(unknown.known_string(r.config.engine_mode)) == "serverless"

no_exports(r) if tf.missing_attr(r, path)

no_exports(r) if {
	exports := r.config.enabled_cloudwatch_logs_exports
	is_array(exports)
	count(exports) == 0
}

msg(r) := sprintf("%s publishes no database logs to CloudWatch Logs", [r.address])

# The fix exports the log every engine of the family writes without further configuration: the
# error log (MySQL family) or the server log (PostgreSQL family). An unknown or absent engine
# (the provider has no default since v5) gets no fix. Nor does an instance of a for_each / count
# block whose instances differ in engine family (round 13: for_each over engines): the fix edits
# the one block, or the variable it reads, that every instance shares, and "error" is not a
# log Aurora PostgreSQL exports (the API rejects it), however the re-scan reads it.
fix(r, peers) := [result.set(path, logs)] if {
	logs := engine_logs(lower(unknown.known_string(r.config.engine)))
	block := instance_block(r.address)
	every peer in peers {
		same_family(peer, block, logs)
	}
} else := []

# same_family: the peer is another block's, or exports the same logs by its engine.
same_family(peer, block, _) if instance_block(peer.address) != block

same_family(peer, _, logs) if engine_logs(lower(unknown.known_string(peer.config.engine))) == logs

# instance_block: the address without its instance key (aws_rds_cluster.x["a"] → aws_rds_cluster.x).
instance_block(address) := regex.replace(address, `\[[^\]]*\]$`, "")

engine_logs(engine) := ["postgresql"] if engine in {"aurora-postgresql", "postgres"}

engine_logs(engine) := ["error"] if engine in {"aurora", "aurora-mysql", "mysql"}

# METADATA
# title: Neptune cluster does not export audit logs
# description: |
#   Neptune audit logs record every query and connection. Unless "audit" is listed in
#   enable_cloudwatch_logs_exports they are not published to CloudWatch Logs, so there is no durable
#   record of who queried or changed the graph.
# related_resources:
#   - ref: https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html
# custom:
#   id: PAL-AWS-NEPTUNE-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_neptune_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_101
#     kics: 45cff7b6-3b80-40c1-ba7b-2cf480678bb8
#     trivy: AVD-AWS-0075
#   cwe: ["CWE-778"]
#   remediation: Add "audit" to enable_cloudwatch_logs_exports (and set the neptune_enable_audit_log parameter).
#   fixable: true
package palisade.aws.neptune.audit_logs_not_exported

import data.palisade.lib.result
import data.palisade.lib.tf

path := ["enable_cloudwatch_logs_exports"]

deny contains result.fail_fix(r, path, msg(r), [result.set(path, ["audit"])]) if {
	some r in tf.resources("aws_neptune_cluster")
	tf.missing_attr(r, path)
}

deny contains result.fail_fix(r, path, msg(r), [result.set(path, array.concat(exports, ["audit"]))]) if {
	some r in tf.resources("aws_neptune_cluster")
	exports := r.config.enable_cloudwatch_logs_exports
	is_array(exports)
	every e in exports {
		is_string(e)
		e != "audit"
	}
}

msg(r) := sprintf("%s does not export audit logs to CloudWatch Logs", [r.address])

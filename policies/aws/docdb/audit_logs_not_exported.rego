# METADATA
# title: DocumentDB cluster does not export audit logs
# description: |
#   DocumentDB audit logs record authentication attempts, DDL and user-management events. Unless
#   "audit" is in enabled_cloudwatch_logs_exports (and the audit_logs cluster parameter is enabled)
#   they are not published to CloudWatch Logs, so there is no durable record of who connected or
#   changed the database.
# related_resources:
#   - ref: https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
# custom:
#   id: PAL-AWS-DOCDB-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_docdb_cluster]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_85
#     trivy: AVD-AWS-0020
#     kics: 56f6a008-1b14-4af4-b9b2-ab7cf7e27641
#   cwe: ["CWE-778"]
#   remediation: Add "audit" to enabled_cloudwatch_logs_exports and enable the audit_logs cluster parameter.
#   fixable: true
package palisade.aws.docdb.audit_logs_not_exported

import data.palisade.lib.result
import data.palisade.lib.tf

path := ["enabled_cloudwatch_logs_exports"]

deny contains result.fail_fix(r, path, msg(r), [result.set(path, ["audit"])]) if {
	some r in tf.resources("aws_docdb_cluster")
	tf.missing_attr(r, path)
}

deny contains result.fail_fix(r, path, msg(r), [result.set(path, array.concat(exports, ["audit"]))]) if {
	some r in tf.resources("aws_docdb_cluster")
	exports := r.config.enabled_cloudwatch_logs_exports
	is_array(exports)
	every e in exports {
		is_string(e)
		e != "audit"
	}
}

msg(r) := sprintf("%s does not export audit logs to CloudWatch Logs", [r.address])

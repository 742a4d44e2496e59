# METADATA
# title: Redshift Serverless namespace does not export its connection and user logs
# description: |
#   A Redshift Serverless namespace sends audit logs to CloudWatch Logs only for the types its
#   log_exports lists (connectionlog, userlog, useractivitylog); unset, nothing is exported and
#   there is no record of who connected, from where, or which users and grants changed. AWS
#   Security Hub (RedshiftServerless.6) and the AWS Config rule
#   redshift-serverless-publish-logs-to-cloudwatch ask for at least connectionlog and userlog.
#   The fix adds the missing ones; the namespace is updated in place and Redshift creates the
#   /aws/redshift/… log groups itself.
# related_resources:
#   - ref: https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-audit-logging.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/redshiftserverless-controls.html#redshiftserverless-6
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/redshift-serverless-publish-logs-to-cloudwatch.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshiftserverless_namespace#log_exports
# custom:
#   id: PAL-AWS-REDSHIFT-012
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_redshiftserverless_namespace]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set log_exports to include "connectionlog" and "userlog" (and "useractivitylog" for query logs).
#   fixable: true
package palisade.aws.redshift.serverless_logs_not_exported

import data.palisade.lib.result
import data.palisade.lib.tf

required := ["connectionlog", "userlog"]

# log_exports as a set of known strings; an unknown list or element is not judged.
exported(r) := set() if {
	tf.missing_attr(r, ["log_exports"])
} else := {x | some x in r.config.log_exports} if {
	is_array(r.config.log_exports)
	every x in r.config.log_exports {
		is_string(x)
	}
}

deny contains result.fail_fix(r, path, msg, [result.set(["log_exports"], fixed)]) if {
	some r in tf.resources("aws_redshiftserverless_namespace")
	have := exported(r)
	missing := [t | some t in required; not t in have]
	count(missing) > 0
	path := path_of(r)
	fixed := array.concat(current(r), missing)
	msg := sprintf("%s does not export %s logs to CloudWatch Logs", [r.address, concat(" and ", missing)])
}

path_of(r) := [] if {
	tf.missing_attr(r, ["log_exports"])
} else := ["log_exports"]

current(r) := r.config.log_exports if {
	is_array(r.config.log_exports)
} else := []

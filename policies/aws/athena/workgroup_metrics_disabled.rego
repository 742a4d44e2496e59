# METADATA
# title: Athena workgroup does not publish query metrics to CloudWatch
# description: |
#   A workgroup whose configuration sets publish_cloudwatch_metrics_enabled = false sends no query
#   metrics (queries run, data scanned, failures, run time) to CloudWatch, so unusual query activity
#   raises no alarm and leaves no metric history. The provider's default is true: only an explicit
#   false is reported. AWS Security Hub (Athena.4) and the AWS Config rule
#   athena-workgroup-logging-enabled ask for the metrics.
# related_resources:
#   - ref: https://docs.aws.amazon.com/athena/latest/ug/athena-cloudwatch-metrics-enable.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/athena-controls.html#athena-4
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/athena-workgroup-logging-enabled.html
# custom:
#   id: PAL-AWS-ATHENA-003
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_athena_workgroup]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-778"]
#   remediation: Set configuration.publish_cloudwatch_metrics_enabled = true (or leave it out).
#   fixable: true
package palisade.aws.athena.workgroup_metrics_disabled

# The fix turns the metrics back on: CloudWatch metrics for Athena cost nothing to publish and
# change no query's behaviour. The string "false" counts (Terraform converts it for a bool).

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, true)]) if {
	some r in tf.resources("aws_athena_workgroup")
	some i, c in tf.blocks(r, "configuration")
	unknown.is_false(object.get(c, "publish_cloudwatch_metrics_enabled", null))
	path := ["configuration", i, "publish_cloudwatch_metrics_enabled"]
	msg := sprintf("%s does not publish query metrics to CloudWatch (publish_cloudwatch_metrics_enabled = false)", [r.address])
}

# METADATA
# title: CodeBuild project turns off its build logs
# description: |
#   CodeBuild sends build logs to CloudWatch Logs unless logs_config turns that off, and writes them
#   to S3 only when s3_logs is enabled. With CloudWatch logs DISABLED and S3 logs not enabled, a
#   build leaves no record of the commands it ran, what it downloaded or where it failed, so a
#   tampered build or leaked secret cannot be traced. AWS Security Hub (CodeBuild.4) asks every
#   project to log to CloudWatch or S3. The fix turns CloudWatch logging back on (CodeBuild's
#   default), which needs the service role to allow logs:CreateLogGroup, logs:CreateLogStream and
#   logs:PutLogEvents, as the role CodeBuild creates does.
# related_resources:
#   - ref: https://docs.aws.amazon.com/codebuild/latest/userguide/change-project.html#change-project-console-logs
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4
# custom:
#   id: PAL-AWS-CODEBUILD-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_codebuild_project]
#   frameworks: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Set logs_config.cloudwatch_logs.status = "ENABLED" (or enable s3_logs with a location), with a
#     service role that may write the logs.
#   fixable: true
package palisade.aws.codebuild.project_logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# CloudWatch logging defaults to ENABLED (an omitted status or block logs); S3 logging to
# DISABLED. An unknown status may enable either, so it is not reported.
deny contains result.fail_fix(r, path, msg, [result.set(path, "ENABLED")]) if {
	some r in tf.resources("aws_codebuild_project")
	some i, logs in tf.blocks(r, "logs_config")
	some j, cw in unknown.items(object.get(logs, "cloudwatch_logs", []))
	upper(unknown.known_string(object.get(cw, "status", "ENABLED"))) == "DISABLED"
	not s3_logs_may_be_on(logs)
	path := ["logs_config", i, "cloudwatch_logs", j, "status"]
	msg := sprintf("%s keeps no build logs (CloudWatch logs disabled, S3 logs not enabled)", [r.address])
}

s3_logs_may_be_on(logs) if unknown.is_unknown(object.get(logs, "s3_logs", []))

s3_logs_may_be_on(logs) if {
	some s3 in unknown.items(object.get(logs, "s3_logs", []))
	not upper(unknown.known_string(object.get(s3, "status", "DISABLED"))) == "DISABLED"
}

# METADATA
# title: CloudTrail trail does not send events to CloudWatch Logs
# description: |
#   Without cloud_watch_logs_group_arn the trail only writes files to S3, so no metric filter or
#   alarm can react in real time to root logins, policy changes or console sign-in failures.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.4"]
#   references:
#     checkov: CKV2_AWS_10
#     trivy: AVD-AWS-0162
#     kics: 17b30f8f-8dfb-4597-adf6-57600b6cf25e
#   cwe: ["CWE-778"]
#   remediation: Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn to deliver events to a log group.
#   fixable: false
package palisade.aws.cloudtrail.cloudwatch_integration_missing

import data.palisade.lib.result
import data.palisade.lib.tf

deny contains result.fail(r, ["cloud_watch_logs_group_arn"], msg) if {
	some r in tf.resources("aws_cloudtrail")
	tf.missing_attr(r, ["cloud_watch_logs_group_arn"])
	msg := sprintf("%s does not send events to CloudWatch Logs", [r.address])
}

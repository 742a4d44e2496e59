# METADATA
# title: CloudTrail trail does not publish log delivery notifications
# description: |
#   With an SNS topic CloudTrail announces every log file it delivers, which lets a pipeline process
#   logs promptly and makes a stopped or tampered trail visible when the notifications stop.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-006
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   references:
#     checkov: CKV_AWS_252
#     kics: 482b7d26-0bdb-4b5f-bf6f-545826c0a3dd
#   remediation: Set sns_topic_name to a topic that CloudTrail may publish to.
#   fixable: false
package palisade.aws.cloudtrail.sns_topic_missing

import data.palisade.lib.result
import data.palisade.lib.tf

# Advisory: useful for log pipelines and tamper detection, not a control by itself.
warn contains result.fail(r, ["sns_topic_name"], msg) if {
	some r in tf.resources("aws_cloudtrail")
	tf.missing_attr(r, ["sns_topic_name"])
	msg := sprintf("%s does not notify an SNS topic when it delivers log files", [r.address])
}

# METADATA
# title: CloudFront distribution has no access logging
# description: |
#   Without logging_config (standard logs) the distribution keeps no record of requests, so
#   attacks and abuse at the edge cannot be investigated afterwards.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-003
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_86
#     kics: 94690d79-b3b0-43de-b656-84ebef5753e5
#   cwe: ["CWE-778"]
#   remediation: Add logging_config with a log bucket.
#   fixable: false
package palisade.aws.cloudfront.logging_disabled

import data.palisade.lib.result
import data.palisade.lib.tf

types := {"aws_cloudfront_distribution"}

deny contains result.fail(r, ["logging_config"], msg) if {
	some r in input.resources
	r.type in types
	tf.missing_attr(r, ["logging_config"])
	msg := sprintf("%s has no access logging", [r.address])
}

# METADATA
# title: CloudTrail log file validation is not enabled
# description: |
#   Without log file validation CloudTrail does not write signed digest files, so nobody can prove
#   that log files were not modified or deleted after delivery, which is exactly what an intruder
#   covering their tracks would do.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-2.0: ["3.2"]
#   references:
#     checkov: CKV_AWS_36
#     trivy: AVD-AWS-0016
#     kics: 52ffcfa6-6c70-4ea6-8376-d828d3961669
#   cwe: ["CWE-345"]
#   remediation: Set enable_log_file_validation = true.
#   fixable: true
package palisade.aws.cloudtrail.log_validation_disabled

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_cloudtrail"}

deny contains result.fail_fix(r, ["enable_log_file_validation"], msg, [result.set(["enable_log_file_validation"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "enable_log_file_validation", null))
	msg := sprintf("%s does not enable log file validation", [r.address])
}

bad(null) := true

bad(v) if unknown.is_false(v)

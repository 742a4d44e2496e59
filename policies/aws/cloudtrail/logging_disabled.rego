# METADATA
# title: CloudTrail trail logging is turned off
# description: |
#   enable_logging = false keeps the trail defined but stops it recording API calls, leaving no
#   audit record of what happens in the account.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
# custom:
#   id: PAL-AWS-CLOUDTRAIL-005
#   severity: high
#   formats: [terraform]
#   resource_types: [aws_cloudtrail]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_251
#     kics: 4bb76f17-3d63-4529-bdca-2b454529d774
#   cwe: ["CWE-778"]
#   remediation: Set enable_logging = true (the default).
#   fixable: true
package palisade.aws.cloudtrail.logging_disabled

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_cloudtrail"}

deny contains result.fail_fix(r, ["enable_logging"], msg, [result.set(["enable_logging"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "enable_logging", null))
	msg := sprintf("%s has logging turned off", [r.address])
}

bad(v) if unknown.is_false(v)

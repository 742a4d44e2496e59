# METADATA
# title: GuardDuty detector is disabled
# description: |
#   enable = false keeps the detector but stops GuardDuty analysing CloudTrail, VPC flow and DNS
#   logs, so compromised credentials, crypto-mining and reconnaissance go unnoticed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html
# custom:
#   id: PAL-AWS-GUARDDUTY-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_guardduty_detector]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_238
#     kics: 704dadd3-54fc-48ac-b6a0-02f170011473
#   cwe: ["CWE-778"]
#   remediation: Set enable = true (the default).
#   fixable: true
package palisade.aws.guardduty.detector_disabled

import data.palisade.lib.result
import data.palisade.lib.unknown

types := {"aws_guardduty_detector"}

deny contains result.fail_fix(r, ["enable"], msg, [result.set(["enable"], true)]) if {
	some r in input.resources
	r.type in types
	bad(object.get(r.config, "enable", null))
	msg := sprintf("%s is disabled", [r.address])
}

bad(v) if unknown.is_false(v)

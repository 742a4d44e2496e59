# METADATA
# title: IAM password policy lets users reuse recent passwords
# description: |
#   The account password policy does not prevent reuse of each user's last 24 passwords (unset
#   means no reuse prevention at all). A password that leaked once keeps working when users can
#   rotate back to it, so rotation stops protecting anything.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: PAL-AWS-IAM-009
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     cis-aws-2.0: ["1.9"]
#     pci-dss-4.0: ["8.3.7"]
#   references:
#     checkov: CKV_AWS_13
#     trivy: AVD-AWS-0056
#     kics: 89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a
#   cwe: ["CWE-521"]
#   remediation: Set password_reuse_prevention to 24.
#   fixable: true
package palisade.aws.iam.password_reuse_allowed

import data.palisade.lib.result
import data.palisade.lib.unknown

remembered := 24

deny contains result.fail_fix(r, ["password_reuse_prevention"], msg, [result.set(["password_reuse_prevention"], remembered)]) if {
	some r in input.resources
	r.type == "aws_iam_account_password_policy"
	too_low(object.get(r.config, "password_reuse_prevention", null))
	msg := sprintf("%s does not prevent reuse of the last %d passwords", [r.address, remembered])
}

too_low(null) := true

too_low(v) if unknown.known_number(v) < remembered

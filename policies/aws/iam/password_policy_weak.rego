# METADATA
# title: IAM password policy allows passwords shorter than 14 characters
# description: |
#   The account password policy accepts passwords shorter than 14 characters (unset falls back
#   to AWS's default of 8). Short passwords are what brute force and password spraying succeed
#   against. Reuse prevention is checked by PAL-AWS-IAM-009.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: PAL-AWS-IAM-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     cis-aws-2.0: ["1.8"]
#   references:
#     checkov: CKV_AWS_10
#     trivy: AVD-AWS-0063
#     kics: 1bc1c685-e593-450e-88fb-19db4c82aa1d
#   cwe: ["CWE-521"]
#   remediation: Set minimum_password_length to at least 14.
#   fixable: true
package palisade.aws.iam.password_policy_weak

import data.palisade.lib.result
import data.palisade.lib.unknown

minimum_length := 14

deny contains result.fail_fix(r, ["minimum_password_length"], msg, [result.set(["minimum_password_length"], minimum_length)]) if {
	some r in input.resources
	r.type == "aws_iam_account_password_policy"
	too_low(object.get(r.config, "minimum_password_length", null), minimum_length)
	msg := sprintf("%s allows passwords shorter than %d characters", [r.address, minimum_length])
}

too_low(null, _) := true

too_low(v, minimum) if unknown.known_number(v) < minimum

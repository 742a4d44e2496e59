# METADATA
# title: IAM password policy lets passwords live longer than 90 days
# description: |
#   The account password policy does not expire passwords within 90 days (unset means they never
#   expire). A password that leaked stays usable for as long as it is not changed; expiry bounds
#   that window and is required by PCI DSS for password-only access.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: PAL-AWS-IAM-010
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     pci-dss-4.0: ["8.3.9"]
#   references:
#     checkov: CKV_AWS_9
#     trivy: AVD-AWS-0062
#     kics: ce60d060-efb8-4bfd-9cf7-ff8945d00d90
#   cwe: ["CWE-262"]
#   remediation: Set max_password_age to 90 days or fewer.
#   fixable: true
package palisade.aws.iam.password_expiration_too_long

import data.palisade.lib.result
import data.palisade.lib.unknown

max_age := 90

deny contains result.fail_fix(r, ["max_password_age"], msg, [result.set(["max_password_age"], max_age)]) if {
	some r in input.resources
	r.type == "aws_iam_account_password_policy"
	too_long(object.get(r.config, "max_password_age", null))
	msg := sprintf("%s does not expire passwords within %d days", [r.address, max_age])
}

too_long(null) := true

# 0 is what the API reports for "never expires".
too_long(v) if unknown.known_number(v) == 0

too_long(v) if unknown.known_number(v) > max_age

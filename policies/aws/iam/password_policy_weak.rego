# METADATA
# title: IAM password policy allows short or reused passwords
# description: |
#   The account password policy accepts passwords shorter than 14 characters or lets users
#   reuse one of their last 24 passwords (unset values fall back to AWS's defaults: 8
#   characters, reuse allowed). Short and recycled passwords are what credential stuffing and
#   brute force succeed against.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: PAL-AWS-IAM-006
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_account_password_policy]
#   frameworks:
#     cis-aws-2.0: ["1.8", "1.9"]
#   references:
#     checkov: [CKV_AWS_10, CKV_AWS_13]
#     kics: [1bc1c685-e593-450e-88fb-19db4c82aa1d, 89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a]
#   remediation: Set minimum_password_length to at least 14 and password_reuse_prevention to 24.
#   fixable: true
package palisade.aws.iam.password_policy_weak

import data.palisade.lib.result
import data.palisade.lib.unknown

requirements := {
	"minimum_password_length": {"min": 14, "what": "passwords shorter than 14 characters"},
	"password_reuse_prevention": {"min": 24, "what": "reuse of any of the last 24 passwords"},
}

deny contains result.fail_fix(r, [key], msg, [result.set([key], req.min)]) if {
	some r in input.resources
	r.type == "aws_iam_account_password_policy"
	some key, req in requirements
	too_low(object.get(r.config, key, null), req.min)
	msg := sprintf("%s allows %s", [r.address, req.what])
}

too_low(null, _) := true

too_low(v, minimum) if unknown.known_number(v) < minimum

# METADATA
# title: IAM user console password is short or never has to be changed
# description: |
#   An aws_iam_user_login_profile generates the user's first console password. Unless
#   password_reset_required = true that generated password, which passed through Terraform state
#   and whoever handed it over, stays valid (left unset it takes AWS's default, false: provider
#   v4 dropped its old default of true); with password_length below 14 it is weaker than a good
#   account password policy allows.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html
# custom:
#   id: PAL-AWS-IAM-012
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_iam_user_login_profile]
#   frameworks: {}
#   references:
#     kics: b592ffd4-0577-44b6-bd35-8c5ee81b5918
#   cwe: ["CWE-521"]
#   remediation: Set password_reset_required to true and password_length to at least 14.
#   fixable: true
package palisade.aws.iam.login_profile_weak_password

import data.palisade.lib.result
import data.palisade.lib.unknown

minimum_length := 14

deny contains result.fail_fix(r, ["password_reset_required"], msg, [result.set(["password_reset_required"], true)]) if {
	some r in input.resources
	r.type == "aws_iam_user_login_profile"
	no_reset(object.get(r.config, "password_reset_required", null))
	msg := sprintf("%s does not require the user to change the generated password", [r.address])
}

# Unset password_length is the provider's default of 20.
deny contains result.fail_fix(r, ["password_length"], msg, [result.set(["password_length"], minimum_length)]) if {
	some r in input.resources
	r.type == "aws_iam_user_login_profile"
	unknown.known_number(object.get(r.config, "password_length", null)) < minimum_length
	msg := sprintf("%s generates a password shorter than %d characters", [r.address, minimum_length])
}

# Unset is AWS's CreateLoginProfile default (no reset); an unknown value may well be true.
no_reset(null)

no_reset(v) if unknown.is_false(v)

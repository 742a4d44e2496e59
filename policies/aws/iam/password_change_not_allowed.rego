# METADATA
# title: IAM password policy does not let users change their own passwords
# description: |
#   allow_users_to_change_password is false or unset (AWS's default is false), so IAM users
#   cannot change their console password themselves. A user who suspects the password leaked
#   has to wait for an administrator, and rotation depends on someone else remembering it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html
# custom:
#   id: PAL-AWS-IAM-011
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_iam_account_password_policy]
#   frameworks: {}
#   references:
#     kics: 9ef7d25d-9764-4224-9968-fa321c56ef76
#   remediation: Set allow_users_to_change_password to true.
#   fixable: true
package palisade.aws.iam.password_change_not_allowed

import data.palisade.lib.result
import data.palisade.lib.unknown

deny contains result.fail_fix(r, ["allow_users_to_change_password"], msg, [result.set(["allow_users_to_change_password"], true)]) if {
	some r in input.resources
	r.type == "aws_iam_account_password_policy"
	unknown.not_true(object.get(r.config, "allow_users_to_change_password", false))
	msg := sprintf("%s does not let IAM users change their own passwords", [r.address])
}

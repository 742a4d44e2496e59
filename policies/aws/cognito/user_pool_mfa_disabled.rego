# METADATA
# title: Cognito user pool does not use multi-factor authentication
# description: |
#   With MFA off (the default) a stolen or guessed password is enough to take over a user account.
#   MFA set to ON or OPTIONAL also needs an SMS, email or software-token factor configured, or users
#   cannot enrol. A pool whose sign-in allows only passwordless first factors (email or SMS codes,
#   passkeys) is not reported: Cognito applies MFA to password sign-in only.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
# custom:
#   id: PAL-AWS-COGNITO-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool]
#   references:
#     kics: ec28bf61-a474-4dbe-b414-6dd3a067d6f0
#   cwe: ["CWE-308"]
#   remediation: Set mfa_configuration = "ON" (or "OPTIONAL") and configure software_token_mfa_configuration or sms_configuration.
#   fixable: true
package palisade.aws.cognito.user_pool_mfa_disabled

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The fix requires MFA and, when the pool has no factor, offers TOTP (an authenticator app), which
# needs nothing else configured (SMS needs an IAM role).
deny contains result.fail_fix(r, ["mfa_configuration"], msg, array.concat([result.set(["mfa_configuration"], "ON")], factor_fix(r))) if {
	some r in tf.resources("aws_cognito_user_pool")
	off(object.get(r.config, "mfa_configuration", null))
	not passwordless(r)
	msg := sprintf("%s does not require or offer MFA", [r.address])
}

deny contains result.fail_fix(r, [], msg, factor_fix(r)) if {
	some r in tf.resources("aws_cognito_user_pool")
	unknown.known_string(r.config.mfa_configuration) in {"ON", "OPTIONAL"}
	tf.missing_attr(r, ["sms_configuration"])
	not totp_enabled(r)

	# Email is a factor too (provider 5.x email_mfa_configuration; Cognito requires the
	# Essentials tier and SES sending for it, which AWS checks at apply).
	tf.missing_attr(r, ["email_mfa_configuration"])
	msg := sprintf("%s turns MFA on without configuring an SMS or TOTP factor", [r.address])
}

factor_fix(r) := [] if {
	not tf.missing_attr(r, ["sms_configuration"])
} else := [] if {
	totp_enabled(r)
} else := [] if {
	not tf.missing_attr(r, ["email_mfa_configuration"])
} else := [result.add_block([], "software_token_mfa_configuration", {"enabled": true})]

off(null)

off("OFF")

totp_enabled(r) if {
	some b in tf.blocks(r, "software_token_mfa_configuration")
	not unknown.is_false(object.get(b, "enabled", false))
}

totp_enabled(r) if unknown.is_unknown(r.config.software_token_mfa_configuration)

# passwordless(r): choice-based sign-in (sign_in_policy) allows only passwordless first factors
# (EMAIL_OTP, SMS_OTP, WEB_AUTHN). Cognito applies MFA to password sign-in only, and a pool that
# requires MFA cannot offer passwordless sign-in, so MFA off is the only setting there; the
# one-time code or passkey is already a possession factor (round 27, HashiCorp's
# cognito-user-pool-mfa-enabled pass case).
passwordless(r) if {
	some p in tf.blocks(r, "sign_in_policy")
	factors := p.allowed_first_auth_factors
	is_array(factors)
	count(factors) > 0
	every f in factors {
		is_string(f)
		f != "PASSWORD"
	}
}

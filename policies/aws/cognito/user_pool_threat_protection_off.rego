# METADATA
# title: Cognito user pool does not enforce threat protection
# description: |
#   Threat protection (formerly advanced security features) watches every username-password and
#   SRP sign-in for compromised credentials and risky attempts (unknown devices and locations,
#   credential stuffing) and, in full-function (ENFORCED) mode, blocks them or asks for MFA.
#   With it off (no user_pool_add_ons, or advanced_security_mode = "OFF", the default) a password
#   leaked elsewhere signs straight in; AUDIT only records the risk and lets the sign-in through.
#   AWS Security Hub control Cognito.1 asks for ENFORCED. Cognito accepts the setting only on the
#   Plus feature plan (user_pool_tier = "PLUS"), which is priced per monthly active user.
# related_resources:
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html#cognito-1
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/cognito-user-pool-advanced-security-enabled.html
#   - ref: https://docs.aws.amazon.com/cognito/latest/developerguide/feature-plans-features-plus.html
# custom:
#   id: PAL-AWS-COGNITO-004
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cognito_user_pool]
#   frameworks: {}
#   cwe: ["CWE-307"]
#   remediation: >-
#     Put the pool on the Plus feature plan (user_pool_tier = "PLUS", priced per monthly active
#     user) and set user_pool_add_ons { advanced_security_mode = "ENFORCED" }; then choose the risk
#     responses with aws_cognito_risk_configuration. The quick fix sets the mode on Plus pools only.
#   fixable: true
package palisade.aws.cognito.user_pool_threat_protection_off

# The fix turns the mode on only for a pool already on the Plus feature plan: on Lite or
# Essentials Cognito refuses the mode (FeatureUnavailableInTierException), and moving the pool to
# Plus changes what every monthly active user costs, a billing decision no quick fix should make
# (review of session 21). A pool on another or an unknown plan is reported without a fix.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains fixes.finding(r, [], msg, fix(r, [result.add_block([], "user_pool_add_ons", enforced)])) if {
	some r in tf.resources("aws_cognito_user_pool")
	tf.missing_attr(r, ["user_pool_add_ons"])
	msg := sprintf("%s does not enforce threat protection (%s)", [r.address, "no user_pool_add_ons, so advanced_security_mode is OFF"])
}

deny contains fixes.finding(r, path, msg, fix(r, [result.set(path, "ENFORCED")])) if {
	some r in tf.resources("aws_cognito_user_pool")
	some i, b in tf.blocks(r, "user_pool_add_ons")
	mode := object.get(b, "advanced_security_mode", "OFF")
	upper(unknown.known_string(mode)) != "ENFORCED"
	path := ["user_pool_add_ons", i, "advanced_security_mode"]
	msg := sprintf("%s does not enforce threat protection (advanced_security_mode is %s)", [r.address, upper(mode)])
}

enforced := {"advanced_security_mode": "ENFORCED"}

fix(r, ops) := ops if {
	upper(unknown.known_string(object.get(r.config, "user_pool_tier", null))) == "PLUS"
} else := []

# METADATA
# title: SES configuration set lets mail go out without TLS
# description: |
#   A configuration set's delivery_options.tls_policy decides whether SES may hand a message to the
#   receiving mail server in plain text. Optional (the default when the block or the argument is
#   left out) makes TLS opportunistic: when the receiving server offers no STARTTLS, or an attacker
#   on the path strips it, SES delivers the message unencrypted. Require delivers only over TLS;
#   a message to a server that cannot do TLS then bounces instead of crossing the internet in
#   clear text. Both aws_ses_configuration_set (Require | Optional) and aws_sesv2_configuration_set
#   (REQUIRE | OPTIONAL) are read. The v1 block came with hashicorp/aws 3.28.0: under a constraint
#   below it the finding carries no fix.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ses/latest/APIReference/API_DeliveryOptions.html
#   - ref: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_DeliveryOptions.html
#   - ref: https://docs.aws.amazon.com/ses/latest/dg/security-protocols.html
# custom:
#   id: PAL-AWS-SES-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_ses_configuration_set, aws_sesv2_configuration_set]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_365
#   cwe: ["CWE-319"]
#   remediation: >-
#     Set delivery_options { tls_policy = "Require" } (aws_ses_configuration_set) or "REQUIRE"
#     (aws_sesv2_configuration_set); mail to servers that cannot do TLS then bounces.
#   fixable: true
package palisade.aws.ses.configuration_set_tls_optional

# The fix is an in-place update of the configuration set (UpdateConfigurationSet /
# PutConfigurationSetDeliveryOptions, no replacement). It changes only what the finding names:
# messages that would have gone out in plain text bounce, and SES reports the bounce. A dynamic or
# unknown delivery_options block, or an unknown tls_policy, is not judged.

import data.palisade.lib.fixes
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

require := {"aws_ses_configuration_set": "Require", "aws_sesv2_configuration_set": "REQUIRE"}

msg(r) := sprintf("%s lets SES deliver mail in plain text when TLS cannot be negotiated (tls_policy is not %s)", [r.address, require[r.type]])

# No delivery_options block: the default, Optional.
deny contains fixes.finding(r, ["delivery_options"], msg(r), add_block_fix(r)) if {
	some r in input.resources
	require[r.type]
	tf.missing_attr(r, ["delivery_options"])
}

# A block that leaves tls_policy out or sets it to Optional.
deny contains result.fail_fix(r, path, msg(r), [result.set(path, require[r.type])]) if {
	some r in input.resources
	require[r.type]
	some i, options in tf.blocks(r, "delivery_options")
	optional(object.get(options, "tls_policy", null))
	path := ["delivery_options", i, "tls_policy"]
}

# aws_ses_configuration_set's delivery_options came with hashicorp/aws v3.28.0: under a constraint
# that stays below it the added block fails terraform validate, so the finding carries no fix.
# aws_sesv2_configuration_set (v4.x) always had the block.
add_block_fix(r) := [] if {
	r.type == "aws_ses_configuration_set"
	tf.provider_below_version("aws", 3, 28)
} else := [result.add_block([], "delivery_options", {"tls_policy": require[r.type]})]

optional(null)

optional(v) if lower(unknown.known_string(v)) == "optional"

# METADATA
# title: SES email identity signs its mail with a 1024-bit DKIM key
# description: |
#   An aws_sesv2_email_identity for a domain that uses Easy DKIM chooses the length of the RSA key
#   SES generates for it with dkim_signing_attributes.next_signing_key_length. RSA_1024_BIT asks
#   for 1024-bit keys, which RFC 8301 puts at the minimum verifiers accept and below the 2048 bits
#   it recommends for signers; a key that can be factored lets anyone sign mail as the domain and
#   pass DKIM and DMARC. RSA_2048_BIT (the API's default) asks for 2048-bit keys. Reported: a known
#   RSA_1024_BIT on an identity that is not a single e-mail address. Bring Your Own DKIM
#   (domain_signing_private_key and domain_signing_selector) takes no key length and is not judged.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html
#   - ref: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_DkimSigningAttributes.html
#   - ref: https://www.rfc-editor.org/rfc/rfc8301#section-3.2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sesv2_email_identity
# custom:
#   id: PAL-AWS-SES-004
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_sesv2_email_identity]
#   frameworks: {}
#   references: {}
#   cwe: ["CWE-326"]
#   remediation: >-
#     Set dkim_signing_attributes { next_signing_key_length = "RSA_2048_BIT" } (or leave it out:
#     2048 bits is the default for a new identity).
#   fixable: true
package palisade.aws.ses.email_identity_dkim_weak_key

# Round 41's `ses-identity-dkim-weak-key` (Cloud Custodian), written in session 23. The fix sets
# RSA_2048_BIT: the provider updates the identity in place (PutEmailIdentityDkimSigningAttributes,
# "update the key length that should be used for Easy DKIM"), SES generates the next key at that
# length, and the CNAME records the domain publishes point at keys SES hosts, so no DNS record
# changes; the current key signs until then. The attribute came with the resource
# (hashicorp/aws 4.37.0), so any configuration that writes it can take the new value. An unknown
# value, a dynamic block, or an identity whose address has an "@" (an e-mail address, which signs
# with its domain's DKIM, not its own) is not judged.

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail_fix(r, path, msg, [result.set(path, "RSA_2048_BIT")]) if {
	some r in tf.resources("aws_sesv2_email_identity")
	not email_address(r)
	some i, attrs in tf.blocks(r, "dkim_signing_attributes")
	unknown.known_string(object.get(attrs, "next_signing_key_length", null)) == "RSA_1024_BIT"
	path := ["dkim_signing_attributes", i, "next_signing_key_length"]
	msg := sprintf("%s asks SES for 1024-bit Easy DKIM keys (next_signing_key_length = \"RSA_1024_BIT\"), not 2048-bit", [r.address])
}

email_address(r) if contains(unknown.known_string(r.config.email_identity), "@")

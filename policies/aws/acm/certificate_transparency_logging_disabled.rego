# METADATA
# title: ACM certificate opts out of certificate transparency logging
# description: |
#   A public certificate requested from ACM with
#   options.certificate_transparency_logging_preference = "DISABLED" is not recorded in the public
#   certificate transparency logs. Browsers that enforce transparency (Chrome and Safari) reject a
#   public certificate without log proofs, and the domain owner loses the log's record against which
#   certificates mistakenly or maliciously issued for the domain are detected. Private
#   certificates (issued by a private CA, certificate_authority_arn) and imported ones are not
#   logged by ACM and are not judged. terraform-aws-modules/acm's
#   certificate_transparency_logging_preference = false is the same setting (judged when the call
#   creates a certificate and gives no private_authority_arn, its private CA).
# related_resources:
#   - ref: https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency
#   - ref: https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateOptions.html
# custom:
#   id: PAL-AWS-ACM-002
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_acm_certificate, "module:terraform-aws-modules/acm/aws"]
#   frameworks: {}
#   cwe: ["CWE-778"]
#   remediation: >-
#     Remove the options block's certificate_transparency_logging_preference = "DISABLED" (or set it
#     to "ENABLED"); keep names that must not be public on private certificates.
#   fixable: false
package palisade.aws.acm.certificate_transparency_logging_disabled

# Not fixable: opting out is usually chosen to keep host names out of the public logs; turning it
# on publishes them, which is the author's decision.

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

deny contains result.fail(r, ["options", i, "certificate_transparency_logging_preference"], msg) if {
	some r in tf.resources("aws_acm_certificate")
	public_request(r.config)
	some i, o in tf.blocks(r, "options")
	upper(unknown.known_string(o.certificate_transparency_logging_preference)) == "DISABLED"
	msg := sprintf("%s opts out of certificate transparency logging", [r.address])
}

deny contains result.fail(m, ["certificate_transparency_logging_preference"], msg) if {
	some m in modules.opaque_calls("acm")
	modules.creates(m, ["create_certificate", "putin_khuylo"])
	not "private_authority_arn" in object.keys(m.config)
	public_request(m.config)
	unknown.is_false(m.config.certificate_transparency_logging_preference)
	msg := sprintf("%s opts its certificate out of certificate transparency logging", [m.address])
}

# A certificate ACM issues publicly: neither imported (a body and key are given) nor issued by a
# private CA. An argument present but unknown still says which kind it is.
public_request(config) if {
	not "certificate_authority_arn" in object.keys(config)
	not "certificate_body" in object.keys(config)
	not "private_key" in object.keys(config)
}

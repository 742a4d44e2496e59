# METADATA
# title: Imported certificate uses an RSA key shorter than 2048 bits
# description: |
#   The certificate body given to ACM, IAM or API Gateway carries an RSA public key of fewer than
#   2048 bits. Such keys are below every current minimum (NIST SP 800-131A disallowed them for
#   signatures in 2013) and within reach of well-funded attackers, so the TLS endpoints that present
#   the certificate can be impersonated. Issue a new certificate with an RSA 2048+ or ECDSA key.
# related_resources:
#   - ref: https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html
# custom:
#   id: PAL-AWS-ACM-001
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_acm_certificate, aws_iam_server_certificate, aws_api_gateway_domain_name]
#   frameworks: {}
#   references:
#     kics: 874d68a3-bfbe-4a4b-aaa0-9e74d7da634b
#   cwe: ["CWE-326"]
#   remediation: Replace the certificate with one issued for an RSA key of at least 2048 bits (or an ECDSA key).
#   fixable: false
package palisade.aws.acm.certificate_rsa_key_too_short

import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

holders := {"aws_acm_certificate", "aws_iam_server_certificate", "aws_api_gateway_domain_name"}

# The leaf (first) certificate of a known PEM body; a body that is unknown, or does not parse,
# gives nothing.
deny contains result.fail(r, ["certificate_body"], msg) if {
	some r in input.resources
	r.type in holders
	body := unknown.known_string(object.get(r.config, "certificate_body", null))
	certs := crypto.x509.parse_certificates(body)
	key := certs[0].PublicKey
	key.kty == "RSA"
	bits := rsa_bits(key.n)
	bits < 2048
	msg := sprintf("%s presents a certificate with a %d-bit RSA key", [r.address, bits])
}

# The modulus length in bits from the JWK's unpadded base64url `n` (JWK drops leading zero bytes).
rsa_bits(n) := floor((count(n) * 3) / 4) * 8

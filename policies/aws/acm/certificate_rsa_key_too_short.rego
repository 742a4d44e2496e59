# METADATA
# title: Imported certificate uses an RSA key shorter than 2048 bits
# description: |
#   The certificate body given to ACM, IAM or API Gateway carries an RSA public key of fewer than
#   2048 bits. Such keys are below every current minimum (NIST SP 800-131A disallowed them for
#   signatures in 2013) and within reach of well-funded attackers, so the TLS endpoints that present
#   the certificate can be impersonated. Issue a new certificate with an RSA 2048+ or ECDSA key.
#   Certificates generated in the configuration are judged by their key: a private key (or the
#   tls_self_signed_cert / tls_locally_signed_cert behind the body) from a tls_private_key with
#   algorithm "RSA" and rsa_bits under 2048.
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
#   allow_unknown: true
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

# A certificate generated with the tls provider is judged by its tls_private_key, reached from the
# holder's private key or from its body through the tls_*_cert that made it. The finding is on
# certificate_body, as for a PEM, with the key's rsa_bits related.
deny contains result.with_related(result.fail(r, ["certificate_body"], msg), [result.related(key, ["rsa_bits"], sprintf("%d-bit RSA key", [bits]))]) if {
	some r in input.resources
	r.type in holders
	not known_body(r)
	some key in generated_keys(r)
	bits := rsa_key_bits(key)
	bits < 2048
	msg := sprintf("%s presents a certificate with a %d-bit RSA key (%s)", [r.address, bits, key.address])
}

# The modulus length in bits from the JWK's unpadded base64url `n` (JWK drops leading zero bytes).
rsa_bits(n) := floor((count(n) * 3) / 4) * 8

# The private key attribute of each holder type.
key_attribute := {
	"aws_acm_certificate": "private_key",
	"aws_iam_server_certificate": "private_key",
	"aws_api_gateway_domain_name": "certificate_private_key",
}

generated_keys(r) := {key |
	some ref in tf.references_to(r, [key_attribute[r.type]], "tls_private_key")
	some key in tf.resources("tls_private_key")
	tf.refers_to(ref.target, key.address)
} | {key |
	some ref in r.references
	ref.path == ["certificate_body"]
	some cert in input.resources
	cert.type in {"tls_self_signed_cert", "tls_locally_signed_cert"}
	tf.refers_to(ref.target, cert.address)
	some key in cert_keys(cert)
}

cert_keys(cert) := keys_at(cert, "private_key_pem") if cert.type == "tls_self_signed_cert"

# A locally signed certificate carries the key of its certificate request.
cert_keys(cert) := keys if {
	cert.type == "tls_locally_signed_cert"
	keys := {key |
		some ref in tf.references_to(cert, ["cert_request_pem"], "tls_cert_request")
		some request in tf.resources("tls_cert_request")
		tf.refers_to(ref.target, request.address)
		some key in keys_at(request, "private_key_pem")
	}
}

keys_at(r, attr) := {key |
	some ref in tf.references_to(r, [attr], "tls_private_key")
	some key in tf.resources("tls_private_key")
	tf.refers_to(ref.target, key.address)
}

# rsa_bits defaults to 2048 in the tls provider; an unknown size gives nothing.
rsa_key_bits(key) := bits if {
	key.config.algorithm == "RSA"
	bits := unknown.known_number(object.get(key.config, "rsa_bits", 2048))
}

# A body whose PEM is known is judged by the PEM (the rule above).
known_body(r) if unknown.known_string(object.get(r.config, "certificate_body", null))

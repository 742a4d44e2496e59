package palisade.aws.acm.certificate_rsa_key_too_short_test

import data.palisade.aws.acm.certificate_rsa_key_too_short as rule

# Self-signed certificates made for these tests (openssl req -x509 -newkey rsa:N).
rsa1024 := `-----BEGIN CERTIFICATE-----
MIICGjCCAYOgAwIBAgIUJtjSk2eEZOxuMj5p55pToL+cSs8wDQYJKoZIhvcNAQEL
BQAwHjEcMBoGA1UEAwwTcnNhMTAyNC5leGFtcGxlLmNvbTAgFw0yNjExMzAwMDEy
MThaGA8yMTI2MTEwNjAwMTIxOFowHjEcMBoGA1UEAwwTcnNhMTAyNC5leGFtcGxl
LmNvbTCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEA0nGHqIL4RwiZZ72CtOzv
k8dvFAZ+KKooyku+Ygt7sF823bADEeIm8Wq1xVNhwLmXofCRzUl5tRuKCDkVRhL8
adW7i9kzzNV8LabE7oR58WKKqBavZPDKe6rlqGd3VWxhsa3RBc2925t/q66wRZdz
aPhJ2uluT5fqMGllWE0AISMCAwEAAaNTMFEwHQYDVR0OBBYEFDWIbRUa94vzc2R4
YUrILV4GmadIMB8GA1UdIwQYMBaAFDWIbRUa94vzc2R4YUrILV4GmadIMA8GA1Ud
EwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADgYEAiN6A0aGyWiWRf2Eqsqxf+/Ej
wpbbEyudDlifrspnCs81ZETB/t/2Abe2pIQidPY/xmxaKMv4uWj0QZzcumOuayM1
f0kInyt6sBTI6/hMVfm2w2jGJ2Cn918n07vPrke8jm2pWrVAgwIWjT3nkdKom5Hf
nWQI2gIbOcQbyCe+iZQ=
-----END CERTIFICATE-----
`

rsa2048 := `-----BEGIN CERTIFICATE-----
MIIDHzCCAgegAwIBAgIUSRGUX9dzpWljwngM56qXb/muAYowDQYJKoZIhvcNAQEL
BQAwHjEcMBoGA1UEAwwTcnNhMjA0OC5leGFtcGxlLmNvbTAgFw0yNjExMzAwMDEy
MThaGA8yMTI2MTEwNjAwMTIxOFowHjEcMBoGA1UEAwwTcnNhMjA0OC5leGFtcGxl
LmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAKHpGqeTlcXmE/ha
Lhh88Hb8ZMvVy0pKHAhqOrDj26DxStu8hatmXmtR2zIm1gjgVOtOn1/r/TjBHyPV
IHAfbMs0env2XAQoAypGoO1VjLJM3fC2VWLkdPM27LKeauv52j7rU5eDPE21/hyI
Viv+ihWd/28RqEgw5cdnYRocFt6NUJMV7jvwJS2Qzs8d8775SbFBfFmrAjap7bEm
fP408SpSLHf589XHiCKqFriocVl8arkJhamv8nlHkt1DVvEgCGIKz0yokU9E6gUn
Bg78R9olR14wFJd9SoOsEhvfpMkUZ+/muozbnWDcnK5uRSpUQDuR8n5Mx/u0cdxv
j40Dfc0CAwEAAaNTMFEwHQYDVR0OBBYEFGvGwdeklCEQQHXpeYQqf3rmF0feMB8G
A1UdIwQYMBaAFGvGwdeklCEQQHXpeYQqf3rmF0feMA8GA1UdEwEB/wQFMAMBAf8w
DQYJKoZIhvcNAQELBQADggEBAFf66qDYGvh38pXSGxCSo/fmyqvDcGQnGl/TjoS/
6YnGJC/g1GuRyr3kgiDRk3c5NtlpRI2tFljmd2CN4soIMtEoyU65rolBd9XKAUf9
1Tbuu9DOLlUt43Ol9UoPfEi29r3DdeOZjylurDyRqCXrnHPsIHEpsuzwoXxTCIA5
JF2sv/MVU5EbM/L4rnis6q7LgrhsIcnSiAjDJH4XMb+kRYzKKX02eTFpXqj+DTjb
gkbEjHy92NLWDVtsE/faBF7I74pHaqbqNQ1HdXV9nw7tjaeeD/aQOJwXJGKHbWT5
lmHDllvtOhxhH4iC/4U6CQ+Wg8fvYL4Gp4BZlCnsfwda2z8=
-----END CERTIFICATE-----
`

cert(type, body) := {"address": sprintf("%s.c", [type]), "type": type, "name": "c", "config": {"certificate_body": body}, "references": []}

test_fires if {
	rule.deny == {{"msg": "aws_iam_server_certificate.c presents a certificate with a 1024-bit RSA key", "resource": "aws_iam_server_certificate.c", "path": ["certificate_body"]}} with input as {"resources": [cert("aws_iam_server_certificate", rsa1024)]}
	count(rule.deny) == 1 with input as {"resources": [cert("aws_acm_certificate", rsa1024)]}
	count(rule.deny) == 1 with input as {"resources": [cert("aws_api_gateway_domain_name", concat("", [rsa1024, rsa2048]))]}
}

test_passes if {
	count(rule.deny) == 0 with input as {"resources": [cert("aws_acm_certificate", rsa2048)]}
	count(rule.deny) == 0 with input as {"resources": [cert("aws_acm_certificate", "not a certificate")]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_acm_certificate.c", "type": "aws_acm_certificate", "name": "c", "config": {"domain_name": "example.com", "validation_method": "DNS"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [cert("aws_acm_certificate", {"$unknown": "file(var.certificate)"})]}
}

tls_key(bits) := {"address": "tls_private_key.k", "type": "tls_private_key", "name": "k", "config": object.union({"algorithm": "RSA"}, bits), "references": []}

ref(path, target, attribute) := {"path": path, "target": target, "attribute": attribute}

self_signed := {"address": "tls_self_signed_cert.c", "type": "tls_self_signed_cert", "name": "c", "config": {"private_key_pem": {"$unknown": "tls_private_key.k.private_key_pem"}, "validity_period_hours": 12}, "references": [ref(["private_key_pem"], "tls_private_key.k", "private_key_pem")]}

imported := {"address": "aws_acm_certificate.cert", "type": "aws_acm_certificate", "name": "cert", "config": {"private_key": {"$unknown": "tls_private_key.k.private_key_pem"}, "certificate_body": {"$unknown": "tls_self_signed_cert.c.cert_pem"}}, "references": [ref(["private_key"], "tls_private_key.k", "private_key_pem"), ref(["certificate_body"], "tls_self_signed_cert.c", "cert_pem")]}

test_generated_weak_key_fires if {
	rule.deny == {{"msg": "aws_acm_certificate.cert presents a certificate with a 1024-bit RSA key (tls_private_key.k)", "resource": "aws_acm_certificate.cert", "path": ["certificate_body"], "related": [{"resource": "tls_private_key.k", "path": ["rsa_bits"], "msg": "1024-bit RSA key"}]}} with input as {"resources": [tls_key({"rsa_bits": 1024}), self_signed, imported]}

	# through the body alone (the private key from elsewhere)
	body_only := object.union(imported, {"config": {"private_key": {"$unknown": "var.key"}}, "references": [ref(["certificate_body"], "tls_self_signed_cert.c", "cert_pem")]})
	count(rule.deny) == 1 with input as {"resources": [tls_key({"rsa_bits": 1024}), self_signed, body_only]}
}

test_locally_signed_weak_key_fires if {
	request := {"address": "tls_cert_request.r", "type": "tls_cert_request", "name": "r", "config": {}, "references": [ref(["private_key_pem"], "tls_private_key.k", "private_key_pem")]}
	signed := {"address": "tls_locally_signed_cert.c", "type": "tls_locally_signed_cert", "name": "c", "config": {}, "references": [ref(["cert_request_pem"], "tls_cert_request.r", "cert_request_pem"), ref(["ca_private_key_pem"], "tls_private_key.ca", "private_key_pem")]}
	server := {"address": "aws_iam_server_certificate.s", "type": "aws_iam_server_certificate", "name": "s", "config": {}, "references": [ref(["certificate_body"], "tls_locally_signed_cert.c", "cert_pem")]}
	count(rule.deny) == 1 with input as {"resources": [tls_key({"rsa_bits": 1536}), request, signed, server]}
}

test_generated_strong_or_unknown_key_passes if {
	count(rule.deny) == 0 with input as {"resources": [tls_key({"rsa_bits": 4096}), self_signed, imported]}
	count(rule.deny) == 0 with input as {"resources": [tls_key({}), self_signed, imported]}
	count(rule.deny) == 0 with input as {"resources": [tls_key({"rsa_bits": {"$unknown": "var.bits"}}), self_signed, imported]}
	ecdsa := object.union(tls_key({}), {"config": {"algorithm": "ECDSA", "ecdsa_curve": "P224"}})
	count(rule.deny) == 0 with input as {"resources": [ecdsa, self_signed, imported]}
}

# METADATA
# title: CloudFront accepts TLS versions older than 1.2
# description: |
#   A distribution with a custom certificate and a minimum_protocol_version below TLS 1.2
#   (SSLv3, TLSv1 — the default —, TLSv1_2016, TLSv1.1_2016) lets viewers negotiate protocol
#   versions and ciphers with known weaknesses. Distributions on the default
#   *.cloudfront.net certificate cannot choose and are not reported. When the choice of
#   certificate is unknown but an ACM or IAM certificate is given, an outdated minimum is reported
#   without a fix: the old versions are accepted whichever certificate applies.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-002
#   severity: medium
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   frameworks: {}
#   references:
#     checkov: CKV_AWS_174
#     trivy: AVD-AWS-0013
#     kics: [00e5e55e-c2ff-46b3-a757-a7a1cd802456, 5c0003fb-9aa0-42c1-9da3-eb0e332bef21]
#   cwe: ["CWE-327"]
#   remediation: Set minimum_protocol_version = "TLSv1.2_2021".
#   fixable: true
package palisade.aws.cloudfront.outdated_tls

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

# The security policies that require TLS 1.2 or later are named TLSv1.2_<year> / TLSv1.3_<year>;
# every other name (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016, or "TLSv1.0" spelled freely) admits
# older protocols. Judging by the modern names keeps new policies (TLSv1.2_2025, TLSv1.3_2025)
# passing without a list to update.
modern(version) if regex.match(`^TLSv1\.[2-9]_[0-9]{4}$`, version)

deny contains result.fail_fix(r, path, msg, [result.set(path, "TLSv1.2_2021")]) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, cert in tf.blocks(r, "viewer_certificate")
	unknown.is_false(object.get(cert, "cloudfront_default_certificate", false))
	version := object.get(cert, "minimum_protocol_version", "TLSv1")
	is_string(version)
	not modern(version)
	path := ["viewer_certificate", i, "minimum_protocol_version"]
	msg := sprintf("%s accepts %s", [r.address, version])
}

# The certificate choice unknown (clouddrove's cloudfront module writes
# `cloudfront_default_certificate = var.acm_certificate_arn == "" ? true : false` and its example
# passes an ACM module's output) with an ACM or IAM certificate given: a viewer can negotiate the
# outdated version either way, through the custom certificate's minimum or, should the ARN turn out
# empty, the default certificate's fixed TLSv1. Reported without a fix: the minimum cannot be
# chosen for the default certificate, and which one applies is not known here.
deny contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, cert in tf.blocks(r, "viewer_certificate")
	unknown.is_unknown(object.get(cert, "cloudfront_default_certificate", false))
	custom_certificate_given(cert)
	version := object.get(cert, "minimum_protocol_version", "TLSv1")
	is_string(version)
	not modern(version)
	path := ["viewer_certificate", i, "minimum_protocol_version"]
	msg := sprintf("%s accepts %s", [r.address, version])
}

# Opaque terraform-aws-modules/cloudfront calls with their own certificate in viewer_certificate:
# minimum_protocol_version unset is TLSv1, as on the resource.
deny contains result.fail_fix(m, path, msg, [result.set(path, "TLSv1.2_2021")]) if {
	some m in modules.cloudfront_distributions
	cert := m.config.viewer_certificate
	is_object(cert)
	unknown.known(cert)
	unknown.is_false(object.get(cert, "cloudfront_default_certificate", false))
	version := object.get(cert, "minimum_protocol_version", "TLSv1")
	is_string(version)
	not modern(version)
	path := ["viewer_certificate", "minimum_protocol_version"]
	msg := sprintf("%s accepts %s", [m.address, version])
}

custom_certificate_given(cert) if {
	some k in ["acm_certificate_arn", "iam_certificate_id"]
	v := object.get(cert, k, null)
	v != null
	v != ""
}

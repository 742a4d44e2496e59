# METADATA
# title: CloudFront uses the default certificate, which accepts TLS 1.0
# description: |
#   On the default *.cloudfront.net certificate CloudFront fixes the viewer security policy at
#   TLSv1, so viewers can negotiate TLS 1.0 and 1.1 and their weak ciphers; a minimum protocol
#   version can only be chosen with a custom certificate. There is no mechanical fix (it needs
#   a domain and an ACM certificate), so this is advisory and separate from PAL-AWS-CLOUDFRONT-002,
#   which covers custom certificates with an outdated minimum.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: PAL-AWS-CLOUDFRONT-005
#   severity: low
#   formats: [terraform]
#   resource_types: [aws_cloudfront_distribution, "module:terraform-aws-modules/cloudfront/aws"]
#   frameworks: {}
#   references:
#     checkov: [CKV2_AWS_42, CKV_AWS_174]
#     kics: [00e5e55e-c2ff-46b3-a757-a7a1cd802456, 3a1e94df-6847-4c0e-a3b6-6c6af4e128ef]
#   cwe: ["CWE-327"]
#   remediation: Serve the distribution under your own domain with an ACM certificate and set minimum_protocol_version = "TLSv1.2_2021".
#   fixable: false
package palisade.aws.cloudfront.default_certificate_tls

import data.palisade.lib.modules
import data.palisade.lib.result
import data.palisade.lib.tf
import data.palisade.lib.unknown

warn contains result.fail(r, path, msg) if {
	some r in tf.resources("aws_cloudfront_distribution")
	some i, cert in tf.blocks(r, "viewer_certificate")
	unknown.is_true(object.get(cert, "cloudfront_default_certificate", null))
	path := ["viewer_certificate", i, "cloudfront_default_certificate"]
	msg := sprintf("%s uses the default CloudFront certificate, which accepts TLS 1.0", [r.address])
}

# Opaque terraform-aws-modules/cloudfront calls: viewer_certificate defaults to the CloudFront
# default certificate (cloudfront_default_certificate = true).
warn contains result.fail(m, path, msg) if {
	some m in modules.cloudfront_distributions
	default_certificate(object.get(m.config, "viewer_certificate", null))
	path := module_certificate_path(m)
	msg := sprintf("%s uses the default CloudFront certificate, which accepts TLS 1.0", [m.address])
}

default_certificate(null)

default_certificate(cert) if unknown.is_true(cert.cloudfront_default_certificate)

module_certificate_path(m) := ["viewer_certificate", "cloudfront_default_certificate"] if m.config.viewer_certificate

else := ["viewer_certificate"]

package palisade.aws.cloudfront.default_certificate_tls_test

import data.palisade.aws.cloudfront.default_certificate_tls as rule

dist(cert) := {"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "config": {"viewer_certificate": [cert]}, "references": []}

test_default_certificate_warns if {
	rule.warn == {{
		"msg": "aws_cloudfront_distribution.site uses the default CloudFront certificate, which accepts TLS 1.0",
		"resource": "aws_cloudfront_distribution.site",
		"path": ["viewer_certificate", 0, "cloudfront_default_certificate"],
	}} with input as {"resources": [dist({"cloudfront_default_certificate": true})]}
}

test_custom_certificate_passes if {
	count(rule.warn) == 0 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.2_2021"})]}
	count(rule.warn) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": false, "acm_certificate_arn": "arn:aws:acm:x"})]}
}

test_unknown_does_not_warn if {
	count(rule.warn) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": {"$unknown": "var.default_cert"}})]}
}

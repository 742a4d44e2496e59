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

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_with_the_default_certificate_fires if {
	rule.warn == {{"msg": "module.cdn uses the default CloudFront certificate, which accepts TLS 1.0", "resource": "module.cdn", "path": ["viewer_certificate"]}} with input as {"resources": [], "modules": [cdn({})]}
	{f.path | some f in rule.warn} == {["viewer_certificate", "cloudfront_default_certificate"]} with input as {"resources": [], "modules": [cdn({"viewer_certificate": {"cloudfront_default_certificate": true}})]}
}

test_opaque_module_with_its_own_certificate_passes if {
	cert := {"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/x", "ssl_support_method": "sni-only", "minimum_protocol_version": "TLSv1.2_2021"}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [cdn({"viewer_certificate": cert}), cdn({"create_distribution": false})]}
}

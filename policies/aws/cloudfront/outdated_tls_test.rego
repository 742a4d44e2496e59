package palisade.aws.cloudfront.outdated_tls_test

import data.palisade.aws.cloudfront.outdated_tls as rule

dist(cert) := {"address": "aws_cloudfront_distribution.site", "type": "aws_cloudfront_distribution", "name": "site", "config": {"viewer_certificate": [cert]}, "references": []}

test_old_tls_fires if {
	rule.deny == {{
		"msg": "aws_cloudfront_distribution.site accepts TLSv1.1_2016", "resource": "aws_cloudfront_distribution.site",
		"path": ["viewer_certificate", 0, "minimum_protocol_version"],
		"fix": [{"op": "set", "path": ["viewer_certificate", 0, "minimum_protocol_version"], "value": "TLSv1.2_2021"}],
	}} with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.1_2016"})]}
}

test_unset_version_with_custom_cert_fires if {
	count(rule.deny) == 1 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x"})]}
}

test_modern_or_default_cert_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.2_2021"})]}
	count(rule.deny) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": true})]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": {"$unknown": "var.tls"}})]}
	count(rule.deny) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": {"$unknown": "var.default_cert"}})]}
}

test_any_name_below_tls12_fires if {
	count(rule.deny) == 1 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.0"})]}
	count(rule.deny) == 1 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "SSLv3"})]}
}

test_newer_policies_pass if {
	count(rule.deny) == 0 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.2_2025"})]}
	count(rule.deny) == 0 with input as {"resources": [dist({"acm_certificate_arn": "arn:aws:acm:x", "minimum_protocol_version": "TLSv1.3_2025"})]}
}

cdn(config) := {"address": "module.cdn", "source": "terraform-aws-modules/cloudfront/aws", "config": config}

test_opaque_module_with_an_old_protocol_fires if {
	cert := {"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/x", "minimum_protocol_version": "TLSv1.1_2016"}
	rule.deny == {{
		"msg": "module.cdn accepts TLSv1.1_2016", "resource": "module.cdn", "path": ["viewer_certificate", "minimum_protocol_version"],
		"fix": [{"op": "set", "path": ["viewer_certificate", "minimum_protocol_version"], "value": "TLSv1.2_2021"}],
	}} with input as {"resources": [], "modules": [cdn({"viewer_certificate": cert})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [cdn({"viewer_certificate": {"acm_certificate_arn": "arn"}})]}
}

test_opaque_module_default_certificate_or_modern_protocol_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [cdn({}), cdn({"viewer_certificate": {"acm_certificate_arn": "arn", "minimum_protocol_version": "TLSv1.2_2021"}})]}
}

# clouddrove/terraform-aws-cloudfront: the default-certificate switch derives from the (unknown)
# ACM ARN; TLSv1 is accepted whichever certificate applies. Reported, without a fix.
test_unknown_default_cert_with_custom_cert_fires_without_fix if {
	rule.deny == {{
		"msg": "aws_cloudfront_distribution.site accepts TLSv1", "resource": "aws_cloudfront_distribution.site",
		"path": ["viewer_certificate", 0, "minimum_protocol_version"],
	}} with input as {"resources": [dist({
		"cloudfront_default_certificate": {"$unknown": "var.acm_certificate_arn == \"\" ? true : false"},
		"acm_certificate_arn": {"$unknown": "module.acm.arn"}, "minimum_protocol_version": "TLSv1",
	})]}
}

test_unknown_default_cert_without_custom_cert_or_modern_passes if {
	count(rule.deny) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": {"$unknown": "var.d"}, "acm_certificate_arn": "", "minimum_protocol_version": "TLSv1"})]}
	count(rule.deny) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": {"$unknown": "var.d"}, "acm_certificate_arn": {"$unknown": "module.acm.arn"}, "minimum_protocol_version": "TLSv1.2_2021"})]}
	count(rule.deny) == 0 with input as {"resources": [dist({"cloudfront_default_certificate": {"$unknown": "var.d"}, "acm_certificate_arn": {"$unknown": "module.acm.arn"}, "minimum_protocol_version": {"$unknown": "var.v"}})]}
}

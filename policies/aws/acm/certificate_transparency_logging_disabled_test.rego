package palisade.aws.acm.certificate_transparency_logging_disabled_test

import data.palisade.aws.acm.certificate_transparency_logging_disabled as rule

cert(config) := {"address": "aws_acm_certificate.www", "type": "aws_acm_certificate", "name": "www", "config": object.union({"domain_name": "www.example.com", "validation_method": "DNS"}, config), "references": []}

disabled := {"options": [{"certificate_transparency_logging_preference": "DISABLED"}]}

test_disabled_fires if {
	rule.deny == {{
		"msg": "aws_acm_certificate.www opts out of certificate transparency logging",
		"resource": "aws_acm_certificate.www", "path": ["options", 0, "certificate_transparency_logging_preference"],
	}} with input as {"resources": [cert(disabled)]}
}

test_enabled_or_omitted_passes if {
	count(rule.deny) == 0 with input as {"resources": [cert({})]}
	count(rule.deny) == 0 with input as {"resources": [cert({"options": [{"certificate_transparency_logging_preference": "ENABLED"}]})]}
	count(rule.deny) == 0 with input as {"resources": [cert({"options": [{"certificate_transparency_logging_preference": {"$unknown": "var.ct ? \"ENABLED\" : \"DISABLED\""}}]})]}
}

test_private_and_imported_certificates_pass if {
	count(rule.deny) == 0 with input as {"resources": [cert(object.union(disabled, {"certificate_authority_arn": "arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/abc"}))]}
	count(rule.deny) == 0 with input as {"resources": [cert(object.union(disabled, {"certificate_authority_arn": {"$unknown": "var.ca"}}))]}
	count(rule.deny) == 0 with input as {"resources": [cert(object.union(disabled, {"certificate_body": {"$unknown": "file(\"c.pem\")"}, "private_key": {"$unknown": "file(\"k.pem\")"}}))]}
}

test_registry_module_fires if {
	call := {"address": "module.acm", "name": "acm", "source": "terraform-aws-modules/acm/aws", "config": {"domain_name": "example.com", "certificate_transparency_logging_preference": false}}
	rule.deny == {{
		"msg": "module.acm opts its certificate out of certificate transparency logging",
		"resource": "module.acm", "path": ["certificate_transparency_logging_preference"],
	}} with input as {"resources": [], "modules": [call]}
	on := {"address": "module.acm", "name": "acm", "source": "terraform-aws-modules/acm/aws", "config": {"domain_name": "example.com"}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [on]}
}

# Review of round 36 (s22/R2): the module passes its private CA as private_authority_arn (its
# certificate_authority_arn), and create_certificate = false creates no certificate.
test_registry_module_private_or_not_created_passes if {
	base := {"domain_name": "example.com", "certificate_transparency_logging_preference": false}
	private := {"address": "module.acm", "name": "acm", "source": "terraform-aws-modules/acm/aws", "config": object.union(base, {"private_authority_arn": {"$unknown": "var.ca"}})}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [private]}
	records := {"address": "module.acm", "name": "acm", "source": "terraform-aws-modules/acm/aws", "config": object.union(base, {"create_certificate": false})}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [records]}
}

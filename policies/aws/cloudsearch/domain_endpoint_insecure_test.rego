package palisade.aws.cloudsearch.domain_endpoint_insecure_test

import data.palisade.aws.cloudsearch.domain_endpoint_insecure as rule

domain(config) := {"resources": [{"address": "aws_cloudsearch_domain.search", "type": "aws_cloudsearch_domain", "name": "search", "config": config, "references": []}]}

test_no_block_fires_with_add_block if {
	rule.deny == {{
		"msg": "aws_cloudsearch_domain.search accepts plain HTTP (endpoint_options.enforce_https is not true)",
		"resource": "aws_cloudsearch_domain.search",
		"path": ["endpoint_options"],
		"fix": [{"op": "add_block", "path": [], "type": "endpoint_options", "config": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}}],
		"peers": [{"checkov": ["CKV_AWS_220"]}, {"checkov": ["CKV_AWS_218"]}],
	}} with input as domain({"name": "search"})
}

test_https_false_fires if {
	rule.deny == {{
		"msg": "aws_cloudsearch_domain.search accepts plain HTTP (endpoint_options.enforce_https is not true)",
		"resource": "aws_cloudsearch_domain.search",
		"path": ["endpoint_options", 0, "enforce_https"],
		"fix": [{"op": "set", "path": ["endpoint_options", 0, "enforce_https"], "value": true}],
		"peers": [{"checkov": ["CKV_AWS_220"]}],
	}} with input as domain({"endpoint_options": [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_https_left_out_fires if {
	count(rule.deny) == 1 with input as domain({"endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_tls10_fires if {
	rule.deny == {{
		"msg": "aws_cloudsearch_domain.search accepts TLS 1.0 and 1.1 (tls_security_policy = \"Policy-Min-TLS-1-0-2019-07\")",
		"resource": "aws_cloudsearch_domain.search",
		"path": ["endpoint_options", 0, "tls_security_policy"],
		"fix": [{"op": "set", "path": ["endpoint_options", 0, "tls_security_policy"], "value": "Policy-Min-TLS-1-2-2019-07"}],
		"peers": [{"checkov": ["CKV_AWS_218"]}],
	}} with input as domain({"endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})
}

test_https_and_tls12_pass if {
	count(rule.deny) == 0 with input as domain({"endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_unknown_https_does_not_fire if {
	count(rule.deny) == 0 with input as domain({"endpoint_options": [{"enforce_https": {"$unknown": "var.https"}, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

# DomainEndpointOptions (CloudSearch API reference): "For compatibility with older clients, the
# default is Policy-Min-TLS-1-0-2019-07", and the provider sends no policy when the argument is left
# out, so HTTPS-only with no policy still accepts TLS 1.0 and 1.1 (R4's review of round 39).
test_tls_policy_left_out_fires if {
	rule.deny == {{
		"msg": "aws_cloudsearch_domain.search accepts TLS 1.0 and 1.1 (tls_security_policy is not set: the default is \"Policy-Min-TLS-1-0-2019-07\")",
		"resource": "aws_cloudsearch_domain.search",
		"path": ["endpoint_options", 0, "tls_security_policy"],
		"fix": [{"op": "set", "path": ["endpoint_options", 0, "tls_security_policy"], "value": "Policy-Min-TLS-1-2-2019-07"}],
		"peers": [{"checkov": ["CKV_AWS_218"]}],
	}} with input as domain({"endpoint_options": [{"enforce_https": true}]})
}

test_unknown_tls_policy_does_not_fire if {
	count(rule.deny) == 0 with input as domain({"endpoint_options": [{"enforce_https": true, "tls_security_policy": {"$unknown": "var.tls"}}]})
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as domain({"endpoint_options": {"$unknown": "var.options"}})
}

package palisade.aws.opensearch.https_not_enforced_test

import data.palisade.aws.opensearch.https_not_enforced as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not require HTTPS", "resource": "aws_opensearch_domain.this", "path": ["domain_endpoint_options", 0, "enforce_https"], "fix": [{"op": "set", "path": ["domain_endpoint_options", 0, "enforce_https"], "value": true}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"enforce_https": false}]}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this does not require HTTPS", "resource": "aws_opensearch_domain.this", "path": ["domain_endpoint_options"], "fix": [{"op": "add_block", "path": [], "type": "domain_endpoint_options", "config": {"enforce_https": true}}]}} with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"enforce_https": true}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"enforce_https": {"$unknown": "var.x"}}]}, "references": []}]}
}

test_unknown_block_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": {"$unknown": "var.x"}}, "references": []}]}
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_without_https_fires if {
	{f.path | some f in rule.deny} == {["domain_endpoint_options", "enforce_https"]} with input as {"resources": [], "modules": [os_call({"domain_endpoint_options": {"enforce_https": false}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({})]}
}

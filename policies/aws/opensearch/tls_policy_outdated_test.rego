package palisade.aws.opensearch.tls_policy_outdated_test

import data.palisade.aws.opensearch.tls_policy_outdated as rule

bad := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]}, "references": []}]}

good_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}]}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": {"$unknown": "var.x"}}, "references": []}]}

unknown_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"tls_security_policy": {"$unknown": "var.x"}}]}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {}, "references": []}]}

also_bad_1 := {"resources": [{"address": "aws_opensearch_domain.this", "type": "aws_opensearch_domain", "name": "this", "config": {"domain_endpoint_options": [{"enforce_https": true}]}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_opensearch_domain.this accepts TLS versions older than 1.2", "resource": "aws_opensearch_domain.this", "path": ["domain_endpoint_options", 0, "tls_security_policy"], "fix": [{"op": "set", "path": ["domain_endpoint_options", 0, "tls_security_policy"], "value": "Policy-Min-TLS-1-2-2019-07"}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
	count(rule.deny) == 1 with input as also_bad_1
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
	count(rule.deny) == 0 with input as unknown_1
}

os_call(config) := {"address": "module.search", "source": "terraform-aws-modules/opensearch/aws", "config": config}

test_opaque_module_with_old_tls_policy_fires if {
	{f.path | some f in rule.deny} == {["domain_endpoint_options", "tls_security_policy"]} with input as {"resources": [], "modules": [os_call({"domain_endpoint_options": {"tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [os_call({}), os_call({"domain_endpoint_options": {"enforce_https": true}})]}
}

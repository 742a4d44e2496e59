package palisade.aws.apigateway.domain_outdated_tls_test

import data.palisade.aws.apigateway.domain_outdated_tls as rule

test_fires_on_tls_1_0 if {
	rule.deny == {{"msg": "aws_api_gateway_domain_name.api accepts TLS_1_0 (security policy is not TLS 1.2)", "resource": "aws_api_gateway_domain_name.api", "path": ["security_policy"], "fix": [{"op": "set", "path": ["security_policy"], "value": "TLS_1_2"}]}} with input as {"resources": [{"address": "aws_api_gateway_domain_name.api", "type": "aws_api_gateway_domain_name", "name": "api", "config": {"security_policy": "TLS_1_0"}, "references": []}]}
}

test_fires_when_unset if {
	rule.deny == {{"msg": "aws_api_gateway_domain_name.api accepts TLS 1.0 by default (security policy is not TLS 1.2)", "resource": "aws_api_gateway_domain_name.api", "path": ["security_policy"], "fix": [{"op": "set", "path": ["security_policy"], "value": "TLS_1_2"}]}} with input as {"resources": [{"address": "aws_api_gateway_domain_name.api", "type": "aws_api_gateway_domain_name", "name": "api", "config": {"domain_name": "api.example.com"}, "references": []}]}
}

test_passes_on_tls_1_2 if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_domain_name.api", "type": "aws_api_gateway_domain_name", "name": "api", "config": {"security_policy": "TLS_1_2"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_api_gateway_domain_name.api", "type": "aws_api_gateway_domain_name", "name": "api", "config": {"security_policy": {"$unknown": "var.x"}}, "references": []}]}
}

# tfsec's rule tests: security_policy = "" is dropped by the provider, so the default applies.
test_fires_when_empty if {
	rule.deny == {{"msg": "aws_api_gateway_domain_name.api accepts TLS 1.0 by default (security policy is not TLS 1.2)", "resource": "aws_api_gateway_domain_name.api", "path": ["security_policy"], "fix": [{"op": "set", "path": ["security_policy"], "value": "TLS_1_2"}]}} with input as {"resources": [{"address": "aws_api_gateway_domain_name.api", "type": "aws_api_gateway_domain_name", "name": "api", "config": {"security_policy": ""}, "references": []}]}
}

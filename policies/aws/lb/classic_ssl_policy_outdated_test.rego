package palisade.aws.lb.classic_ssl_policy_outdated_test

import data.palisade.aws.lb.classic_ssl_policy_outdated as rule

test_fires_on_tls1 if {
	rule.deny == {{"msg": "aws_load_balancer_policy.tls enables Protocol-TLSv1 on the load balancer", "resource": "aws_load_balancer_policy.tls", "path": ["policy_attribute", 1, "name"], "fix": [{"op": "set", "path": ["policy_attribute", 1, "value"], "value": "false"}]}} with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Protocol-TLSv1.2", "value": "true"}, {"name": "Protocol-TLSv1", "value": "true"}]}, "references": []}]}
}

test_passes_on_tls12_only if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Protocol-TLSv1.2", "value": "true"}, {"name": "Protocol-TLSv1", "value": "false"}]}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Protocol-TLSv1", "value": {"$unknown": "var.x"}}]}, "references": []}]}
}

reference_policy(value) := {"resources": [{"address": "aws_load_balancer_policy.p", "type": "aws_load_balancer_policy", "name": "p", "config": {"policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Reference-Security-Policy", "value": value}]}, "references": []}]}

test_outdated_predefined_reference_fires if {
	rule.deny == {{"msg": "aws_load_balancer_policy.p references ELBSecurityPolicy-2016-08, which allows TLS 1.0", "resource": "aws_load_balancer_policy.p", "path": ["policy_attribute", 0, "value"], "fix": [{"op": "set", "path": ["policy_attribute", 0, "value"], "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}]}} with input as reference_policy("ELBSecurityPolicy-2016-08")
	count(rule.deny) == 1 with input as reference_policy("ELBSecurityPolicy-2015-05")
}

test_tls12_predefined_reference_passes if {
	count(rule.deny) == 0 with input as reference_policy("ELBSecurityPolicy-TLS-1-2-2017-01")
	count(rule.deny) == 0 with input as reference_policy("ELBSecurityPolicy-TLS-1-2-Ext-2018-06")
	count(rule.deny) == 0 with input as reference_policy({"$unknown": "var.policy"})
	count(rule.deny) == 0 with input as reference_policy("ELBSecurityPolicy-FS-1-2-Res-2020-10")
}

test_tls11_predefined_reference_fires if {
	some f in rule.deny with input as reference_policy("ELBSecurityPolicy-TLS-1-1-2017-01")
	f.msg == "aws_load_balancer_policy.p references ELBSecurityPolicy-TLS-1-1-2017-01, which allows TLS 1.1"
	count(rule.deny) == 1 with input as reference_policy("ELBSample-OpenSSLDefaultCipherPolicy")
}

test_fires_on_weak_cipher if {
	rule.deny == {{"msg": "aws_load_balancer_policy.tls enables DES-CBC3-SHA on the load balancer", "resource": "aws_load_balancer_policy.tls", "path": ["policy_attribute", 0, "name"], "fix": [{"op": "set", "path": ["policy_attribute", 0, "value"], "value": "false"}]}} with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "DES-CBC3-SHA", "value": "true"}, {"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"}]}, "references": []}]}
}

test_fires_on_iana_rc4_name if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "TLS_RSA_ARCFOUR_128_SHA1", "value": "true"}]}, "references": []}]}
}

test_strong_or_disabled_ciphers_pass if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_load_balancer_policy.tls", "type": "aws_load_balancer_policy", "name": "tls", "config": {"load_balancer_name": "web", "policy_name": "tls", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "RC4-SHA", "value": "false"}, {"name": "ECDHE-ECDSA-AES256-GCM-SHA384", "value": "true"}, {"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}]}, "references": []}]}
}

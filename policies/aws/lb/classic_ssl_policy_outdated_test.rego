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

elb(listener) := {"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"name": "web", "listener": [listener]}, "references": []}

https443 := {"instance_port": 8000, "instance_protocol": "http", "lb_port": 443, "lb_protocol": "https", "ssl_certificate_id": "arn:aws:iam::123456789012:server-certificate/certName"}

# Round 24 (the CKV_AWS_127 page's listener): no policy attached, so ELB uses ELBSecurityPolicy-2016-08.
test_https_listener_without_policy_fires if {
	rule.deny == {{
		"msg": "aws_elb.web listener on port 443 gets the default ELBSecurityPolicy-2016-08, which allows TLS 1.0 and 1.1 (no SSL negotiation policy attached)",
		"resource": "aws_elb.web", "path": ["listener", 0, "lb_protocol"],
		"fix": [
			{"op": "add_resource", "type": "aws_load_balancer_policy", "name": "web_tls12", "config": {
				"load_balancer_name": {"$expr": "aws_elb.web.name"},
				"policy_name": "tls-1-2-2017-01", "policy_type_name": "SSLNegotiationPolicyType",
				"policy_attribute": [{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}],
			}},
			{"op": "add_resource", "type": "aws_load_balancer_listener_policy", "name": "web_443", "config": {
				"load_balancer_name": {"$expr": "aws_elb.web.name"}, "load_balancer_port": 443,
				"policy_names": [{"$expr": "aws_load_balancer_policy.web_tls12.policy_name"}],
			}},
		],
	}} with input as {"resources": [elb(https443)]}
	count(rule.deny) == 1 with input as {"resources": [elb(object.union(https443, {"lb_protocol": "SSL"}))]}
}

# A second listener's fix finds the policy the first one added and attaches it only.
test_second_fix_reuses_the_policy if {
	added := {"address": "aws_load_balancer_policy.web_tls12", "type": "aws_load_balancer_policy", "name": "web_tls12", "config": {"load_balancer_name": "web", "policy_name": "tls-1-2-2017-01", "policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}]}, "references": []}
	some f in rule.deny with input as {"resources": [elb(https443), added]}
	[op.type | some op in f.fix] == ["aws_load_balancer_listener_policy"]
}

test_http_listener_passes if {
	count(rule.deny) == 0 with input as {"resources": [elb(object.union(https443, {"lb_port": 80, "lb_protocol": "http"}))]}
	count(rule.deny) == 0 with input as {"resources": [elb(object.union(https443, {"lb_protocol": {"$unknown": "var.protocol"}}))]}
}

listener_policy(config, references) := {"address": "aws_load_balancer_listener_policy.tls", "type": "aws_load_balancer_listener_policy", "name": "tls", "config": config, "references": references}

test_attached_policy_passes if {
	# by reference to the load balancer
	count(rule.deny) == 0 with input as {"resources": [elb(https443), listener_policy({"load_balancer_name": {"$unknown": "aws_elb.web.name"}, "load_balancer_port": 443, "policy_names": ["tls"]}, [{"path": ["load_balancer_name"], "target": "aws_elb.web"}])]}

	# by the load balancer's name
	count(rule.deny) == 0 with input as {"resources": [elb(https443), listener_policy({"load_balancer_name": "web", "load_balancer_port": "443", "policy_names": ["tls"]}, [])]}

	# the older aws_lb_ssl_negotiation_policy
	count(rule.deny) == 0 with input as {"resources": [elb(https443), {"address": "aws_lb_ssl_negotiation_policy.tls", "type": "aws_lb_ssl_negotiation_policy", "name": "tls", "config": {"name": "tls", "load_balancer": "web", "lb_port": 443}, "references": []}]}
}

test_policy_on_another_port_fires if {
	count(rule.deny) == 1 with input as {"resources": [elb(https443), listener_policy({"load_balancer_name": "web", "load_balancer_port": 8443, "policy_names": ["tls"]}, [])]}
}

test_unknown_attachment_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [elb(https443), listener_policy({"load_balancer_name": {"$unknown": "var.elb_name"}, "load_balancer_port": 443}, [])]}
	count(rule.deny) == 0 with input as {"resources": [elb(https443), listener_policy({"load_balancer_name": "web", "load_balancer_port": {"$unknown": "var.port"}}, [])]}
}

# aws_lb_ssl_negotiation_policy writes its attributes in `attribute` blocks: judged as the
# policy_attribute blocks of an aws_load_balancer_policy are (attaching it does not make a weak
# protocol safe).
test_ssl_negotiation_policy_attributes_are_judged if {
	policy := {"address": "aws_lb_ssl_negotiation_policy.p", "type": "aws_lb_ssl_negotiation_policy", "name": "p", "references": [], "config": {"load_balancer": "web", "lb_port": 443, "attribute": [{"name": "Protocol-TLSv1.2", "value": "true"}, {"name": "Protocol-TLSv1", "value": "true"}]}}
	rule.deny == {{"msg": "aws_lb_ssl_negotiation_policy.p enables Protocol-TLSv1 on the load balancer", "resource": "aws_lb_ssl_negotiation_policy.p", "path": ["attribute", 1, "name"], "fix": [{"op": "set", "path": ["attribute", 1, "value"], "value": "false"}]}} with input as {"resources": [policy]}
	strong := json.patch(policy, [{"op": "replace", "path": "/config/attribute/1/value", "value": "false"}])
	count(rule.deny) == 0 with input as {"resources": [strong]}
}

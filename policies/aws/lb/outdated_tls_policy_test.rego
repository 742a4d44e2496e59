package palisade.aws.lb.outdated_tls_policy_test

import data.palisade.aws.lb.outdated_tls_policy as rule

listener(policy) := {"address": "aws_lb_listener.https", "type": "aws_lb_listener", "name": "https", "config": {"port": 443, "protocol": "HTTPS", "ssl_policy": policy}, "references": []}

test_old_policy_fires if {
	rule.deny == {{
		"msg": "aws_lb_listener.https uses ELBSecurityPolicy-2016-08, which allows TLS older than 1.2", "resource": "aws_lb_listener.https", "path": ["ssl_policy"],
		"fix": [{"op": "set", "path": ["ssl_policy"], "value": "ELBSecurityPolicy-TLS13-1-2-2021-06"}],
	}} with input as {"resources": [listener("ELBSecurityPolicy-2016-08")]}
}

test_modern_policy_passes if {
	count(rule.deny) == 0 with input as {"resources": [listener("ELBSecurityPolicy-TLS13-1-2-2021-06")]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [listener({"$unknown": "var.policy"})]}
}

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

# No ssl_policy on an HTTPS or TLS listener: the provider's default policy allows TLS 1.0 (a Sonar
# sonar-iac case, round 11). Plain HTTP needs none; an unknown one may be modern.
test_missing_policy_fires_on_secure_listeners_only if {
	bare := object.union(listener(null), {"config": {"port": 443, "protocol": "TLS"}})
	rule.deny == {{
		"msg": "aws_lb_listener.https sets no ssl_policy, so it gets ELBSecurityPolicy-2016-08, which allows TLS older than 1.2", "resource": "aws_lb_listener.https", "path": ["ssl_policy"],
		"fix": [{"op": "set", "path": ["ssl_policy"], "value": "ELBSecurityPolicy-TLS13-1-2-2021-06"}],
	}} with input as {"resources": [bare]}
	count(rule.deny) == 1 with input as {"resources": [listener("")]}
	count(rule.deny) == 0 with input as {"resources": [object.union(bare, {"config": {"port": 80, "protocol": "HTTP"}})]}
	count(rule.deny) == 0 with input as {"resources": [object.union(bare, {"config": {"protocol": {"$unknown": "var.protocol"}}})]}
}

alb(version, config) := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "version": version, "config": config}

test_opaque_alb_listener_with_outdated_policy_fires if {
	listeners := {"https": {"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"}}
	rule.deny == {{
		"msg": "module.alb uses ELBSecurityPolicy-2016-08, which allows TLS older than 1.2 (listener \"https\")",
		"resource": "module.alb", "path": ["listeners", "https", "ssl_policy"],
		"fix": [{"op": "set", "path": ["listeners", "https", "ssl_policy"], "value": "ELBSecurityPolicy-TLS13-1-2-2021-06"}],
	}} with input as {"resources": [], "modules": [alb("~> 9.0", {"listeners": listeners})]}
}

test_opaque_alb_before_v9_defaults_to_an_outdated_policy if {
	old := alb("~> 8.7", {"https_listeners": [{"port": 443, "certificate_arn": "arn"}]})
	{f.path | some f in rule.deny} == {["https_listeners", 0, "ssl_policy"]} with input as {"resources": [], "modules": [old]}
	pinned := alb("~> 8.7", {"https_listeners": [{"port": 443}], "listener_ssl_policy_default": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [pinned]}
}

test_opaque_alb_default_or_http_listener_passes if {
	listeners := {"https": {"port": 443, "protocol": "HTTPS"}, "http": {"port": 80, "ssl_policy": "ELBSecurityPolicy-2016-08"}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb("~> 10.0", {"listeners": listeners})]}
}

# The provider upper-cases the listener protocol, so "https" is an HTTPS listener.
test_lower_case_protocol_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_lb_listener.l", "type": "aws_lb_listener", "name": "l", "config": {"protocol": "https", "ssl_policy": "ELBSecurityPolicy-2016-08"}, "references": []}]}
}

package palisade.aws.lb.http_listener_test

import data.palisade.aws.lb.http_listener as rule

listener(actions) := {"address": "aws_lb_listener.http", "type": "aws_lb_listener", "name": "http", "config": {"port": 80, "protocol": "HTTP", "default_action": actions}, "references": []}

test_forwarding_http_fires if {
	findings := rule.deny with input as {"resources": [listener([{"type": "forward", "target_group_arn": "arn:x"}])]}
	[[f.msg, f.resource, f.path] | some f in findings] == [["aws_lb_listener.http serves plain HTTP without redirecting to HTTPS", "aws_lb_listener.http", ["protocol"]]]
	some f in findings
	[[op.op, object.get(op, "path", [])] | some op in f.fix] == [["set", ["protocol"]], ["set", ["ssl_policy"]], ["set", ["port"]], ["set", ["certificate_arn"]], ["add_variable", []]]
	f.fix[3].value == {"$expr": "var.http_certificate_arn"}
	f.fix[4].name == "http_certificate_arn"
}

# A declared variable of that name is used, not declared again; a certificate already named stays.
test_fix_uses_what_the_module_has if {
	with_var := rule.deny with input as {"resources": [listener([{"type": "forward"}])], "variables": {"http_certificate_arn": {"$unknown": "var.http_certificate_arn"}}}
	[op.op | some f in with_var; some op in f.fix] == ["set", "set", "set", "set"]
	l := object.union(listener([{"type": "forward"}]), {"config": {"protocol": "HTTP", "port": 80, "certificate_arn": "arn:cert", "default_action": [{"type": "forward"}]}})
	with_cert := rule.deny with input as {"resources": [l]}
	[op.path | some f in with_cert; some op in f.fix] == [["protocol"], ["ssl_policy"], ["port"]]
}

test_redirect_or_fixed_response_passes if {
	count(rule.deny) == 0 with input as {"resources": [listener([{"type": "redirect", "redirect": [{"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}]}])]}
	count(rule.deny) == 0 with input as {"resources": [listener([{"type": "fixed-response", "fixed_response": [{"content_type": "text/plain", "status_code": "404"}]}])]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [listener({"$unknown": "var.actions"})]}
	count(rule.deny) == 0 with input as {"resources": [listener([{"type": {"$unknown": "each.value.type"}}])]}
}

test_redirect_to_http_fires if {
	rule.deny == {{"msg": "aws_lb_listener.http redirects plain HTTP to plain HTTP instead of HTTPS", "resource": "aws_lb_listener.http", "path": ["default_action", 0, "redirect", 0, "protocol"], "fix": [{"op": "set", "path": ["default_action", 0, "redirect", 0, "protocol"], "value": "HTTPS"}, {"op": "set", "path": ["default_action", 0, "redirect", 0, "port"], "value": "443"}]}} with input as {"resources": [listener([{"type": "redirect", "redirect": [{"port": "80", "protocol": "HTTP"}]}])]}
}

test_default_protocol_of_alb_listener_is_http if {
	lb := {"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {}, "references": []}
	l := {"address": "aws_lb_listener.http", "type": "aws_lb_listener", "name": "http", "config": {"port": 80, "default_action": [{"type": "forward"}]}, "references": [{"path": ["load_balancer_arn"], "target": "aws_lb.web"}]}
	findings := rule.deny with input as {"resources": [lb, l]}
	[[f.msg, f.resource, f.path] | some f in findings] == [["aws_lb_listener.http serves plain HTTP without redirecting to HTTPS", "aws_lb_listener.http", ["protocol"]]]
}

alb(config) := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "config": config}

test_opaque_alb_http_listener_forwarding_fires if {
	listeners := {"http": {"port": 80, "protocol": "HTTP", "forward": {"target_group_key": "app"}}}
	rule.deny == {{"msg": "module.alb serves plain HTTP without redirecting to HTTPS (listener \"http\")", "resource": "module.alb", "path": ["listeners", "http", "protocol"]}} with input as {"resources": [], "modules": [alb({"listeners": listeners})]}
	defaulted := {"web": {"port": 80, "forward": {"target_group_key": "app"}}}
	{f.path | some f in rule.deny} == {["listeners", "web"]} with input as {"resources": [], "modules": [alb({"listeners": defaulted})]}
}

test_opaque_alb_redirect_to_http_fires if {
	listeners := {"http": {"port": 80, "protocol": "HTTP", "redirect": {"port": "8080", "status_code": "HTTP_301"}}}
	{f.path | some f in rule.deny} == {["listeners", "http", "redirect", "protocol"]} with input as {"resources": [], "modules": [alb({"listeners": listeners})]}
}

test_opaque_alb_https_redirects_and_fixed_responses_pass if {
	listeners := {
		"http": {"port": 80, "protocol": "HTTP", "redirect": {"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}},
		"https": {"port": 443, "protocol": "HTTPS", "forward": {"target_group_key": "app"}},
		"health": {"port": 8080, "protocol": "HTTP", "fixed_response": {"content_type": "text/plain", "status_code": "200"}},
	}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb({"listeners": listeners})]}
	old := {"address": "module.alb", "source": "terraform-aws-modules/alb/aws", "version": "~> 8.0", "config": {"listeners": {"http": {"port": 80, "forward": {}}}}}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [old]}
	nlb := alb({"load_balancer_type": "network", "listeners": {"tcp": {"port": 80, "forward": {"target_group_key": "app"}}}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [nlb]}
}

# The provider upper-cases the listener protocol, so "http" serves plain HTTP too.
test_lower_case_http_fires if {
	count(rule.deny) == 1 with input as {"resources": [json.patch(listener([{"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1"}]), [{"op": "replace", "path": "/config/protocol", "value": "http"}])]}
}

elb(listeners) := {"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"listener": listeners}, "references": []}

test_classic_http_listener_fires if {
	l := [
		{"instance_port": 8000, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"},
		{"instance_port": 8000, "instance_protocol": "http", "lb_port": 443, "lb_protocol": "https", "ssl_certificate_id": "arn:cert"},
	]
	[[f.msg, f.path] | some f in rule.deny] == [["aws_elb.web has a listener that serves plain HTTP on port 80", ["listener", 0, "lb_protocol"]]] with input as {"resources": [elb(l)]}
}

test_classic_https_ssl_tcp_or_unknown_listener_passes if {
	l := [
		{"instance_port": 443, "instance_protocol": "https", "lb_port": 443, "lb_protocol": "HTTPS"},
		{"instance_port": 5000, "instance_protocol": "ssl", "lb_port": 5000, "lb_protocol": "SSL"},
		{"instance_port": 6379, "instance_protocol": "tcp", "lb_port": 6379, "lb_protocol": "TCP"},
		{"instance_port": 80, "instance_protocol": "http", "lb_port": 80, "lb_protocol": {"$unknown": "var.protocol"}},
	]
	count(rule.deny) == 0 with input as {"resources": [elb(l)]}
	count(rule.deny) == 0 with input as {"resources": [elb({"$unknown": "var.listeners"})]}
}

# Held-out round (session 16, terraform-aws-elb example): the module's listener maps become
# classic listener blocks.
test_opaque_elb_http_listener_fires if {
	listener := [
		{"instance_port": 80, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"},
		{"instance_port": 443, "instance_protocol": "https", "lb_port": 443, "lb_protocol": "https", "ssl_certificate_id": "arn:aws:acm:eu-west-1:123456789012:certificate/x"},
	]
	call := {"address": "module.elb", "source": "terraform-aws-modules/elb/aws", "config": {"listener": listener}}
	rule.deny == {{"msg": "module.elb creates a classic load balancer listener that serves plain HTTP on port 80", "resource": "module.elb", "path": ["listener", 0, "lb_protocol"]}} with input as {"resources": [], "modules": [call]}
	off := object.union(call, {"config": {"listener": listener, "create_elb": false}})
	count(rule.deny) == 0 with input as {"resources": [], "modules": [off]}
}

# Held-out round 18 (HashiCorp's auto scaling tutorial): the load balancer's only security group
# admits port 80 alone, so moving the listener to 443 would cut every client off; no fix.
lb_with_group := {"address": "aws_lb.web", "type": "aws_lb", "name": "web", "config": {"load_balancer_type": "application", "security_groups": [{"$unknown": "aws_security_group.lb.id"}]}, "references": [{"path": ["security_groups", 0], "target": "aws_security_group.lb", "attribute": "id"}]}

lb_group(ingress) := {"address": "aws_security_group.lb", "type": "aws_security_group", "name": "lb", "config": {"ingress": ingress}, "references": []}

listener_of_lb := object.union(listener([{"type": "forward"}]), {"references": [{"path": ["load_balancer_arn"], "target": "aws_lb.web", "attribute": "arn"}]})

port_80 := [{"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]

test_no_fix_when_the_load_balancer_group_admits_80_only if {
	some f in rule.deny with input as {"resources": [lb_with_group, lb_group(port_80), listener_of_lb]}
	f.msg == "aws_lb_listener.http serves plain HTTP without redirecting to HTTPS (no fix: the load balancer's security groups admit nothing on port 443, so an HTTPS listener there would be unreachable)"
	not f.fix
}

test_fix_when_the_group_admits_443_or_may_elsewhere if {
	with_443 := array.concat(port_80, [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])
	some f in rule.deny with input as {"resources": [lb_with_group, lb_group(with_443), listener_of_lb]}
	count(f.fix) > 0
	all_traffic := [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]}]
	some g in rule.deny with input as {"resources": [lb_with_group, lb_group(all_traffic), listener_of_lb]}
	count(g.fix) > 0
	separate := {"address": "aws_security_group_rule.https", "type": "aws_security_group_rule", "name": "https", "config": {"type": "ingress", "from_port": 443, "to_port": 443}, "references": [{"path": ["security_group_id"], "target": "aws_security_group.lb", "attribute": "id"}]}
	some h in rule.deny with input as {"resources": [lb_with_group, lb_group(port_80), separate, listener_of_lb]}
	count(h.fix) > 0
	unknown_port := [{"from_port": {"$unknown": "var.port"}, "to_port": {"$unknown": "var.port"}, "protocol": "tcp"}]
	some i in rule.deny with input as {"resources": [lb_with_group, lb_group(unknown_port), listener_of_lb]}
	count(i.fix) > 0
}

test_fix_when_a_group_is_not_declared_here if {
	lb := object.union(lb_with_group, {"config": {"load_balancer_type": "application", "security_groups": ["sg-0123456789abcdef0"]}, "references": []})
	some f in rule.deny with input as {"resources": [lb, listener_of_lb]}
	count(f.fix) > 0
}

# NHS Mavis (held-out s23/H6): another listener of the load balancer listens on 443, so moving the
# HTTP listener there would collide with it; the finding stays without a fix.
lb_ref := [{"path": ["load_balancer_arn"], "target": "aws_lb.web", "attribute": "arn"}]

sibling(port, protocol) := {"address": "aws_lb_listener.https", "type": "aws_lb_listener", "name": "https", "config": {"port": port, "protocol": protocol, "default_action": [{"type": "forward"}]}, "references": lb_ref}

forwarding_listener := object.union(listener([{"type": "forward", "target_group_arn": {"$unknown": "aws_lb_target_group.app.arn"}}]), {"references": lb_ref})

test_no_fix_beside_another_listener_on_443 if {
	some f in rule.deny with input as {"resources": [forwarding_listener, sibling("443", "HTTPS")]}
	f.msg == "aws_lb_listener.http serves plain HTTP without redirecting to HTTPS (no fix: another listener of the load balancer listens on port 443; redirect this one's default action to HTTPS there)"
	not f.fix
	some g in rule.deny with input as {"resources": [forwarding_listener, sibling(443, "TCP")]}
	not g.fix
}

# A sibling listener whose port is not known (for_each over a variable of listeners) may be on 443:
# the move is withheld, since AWS would refuse a duplicate port at apply.
test_no_fix_beside_a_listener_on_an_unknown_port if {
	some f in rule.deny with input as {"resources": [forwarding_listener, sibling({"$unknown": "each.value.port"}, "HTTPS")]}
	f.msg == "aws_lb_listener.http serves plain HTTP without redirecting to HTTPS (no fix: another listener of the load balancer may listen on port 443; redirect this one's default action to HTTPS there)"
	not f.fix
	some g in rule.deny with input as {"resources": [forwarding_listener, sibling(8443, "HTTPS")]}
	g.fix[0] == {"op": "set", "path": ["protocol"], "value": "HTTPS"}
}

# A listener of another load balancer on 443 changes nothing.
test_listener_on_443_of_another_load_balancer_keeps_the_https_fix if {
	other := object.union(sibling(443, "HTTPS"), {"references": [{"path": ["load_balancer_arn"], "target": "aws_lb.other", "attribute": "arn"}]})
	some f in rule.deny with input as {"resources": [forwarding_listener, other]}
	f.fix[0] == {"op": "set", "path": ["protocol"], "value": "HTTPS"}
}

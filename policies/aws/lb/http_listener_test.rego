package palisade.aws.lb.http_listener_test

import data.palisade.aws.lb.http_listener as rule

listener(actions) := {"address": "aws_lb_listener.http", "type": "aws_lb_listener", "name": "http", "config": {"port": 80, "protocol": "HTTP", "default_action": actions}, "references": []}

test_forwarding_http_fires if {
	rule.deny == {{"msg": "aws_lb_listener.http serves plain HTTP without redirecting to HTTPS", "resource": "aws_lb_listener.http", "path": ["protocol"]}} with input as {"resources": [listener([{"type": "forward", "target_group_arn": "arn:x"}])]}
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
	rule.deny == {{"msg": "aws_lb_listener.http serves plain HTTP without redirecting to HTTPS", "resource": "aws_lb_listener.http", "path": ["protocol"]}} with input as {"resources": [lb, l]}
}

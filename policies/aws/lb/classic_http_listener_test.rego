package palisade.aws.lb.classic_http_listener_test

import data.palisade.aws.lb.classic_http_listener as rule

elb(listeners) := {"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": {"name": "web", "listener": listeners}, "references": []}

listener(lb_protocol, port) := {"instance_port": 80, "instance_protocol": "http", "lb_port": port, "lb_protocol": lb_protocol}

test_http_listener_fires if {
	rule.deny == {{"msg": "aws_elb.web accepts plain HTTP on port 80", "resource": "aws_elb.web", "path": ["listener", 0, "lb_protocol"]}} with input as {"resources": [elb([listener("http", 80)])]}
}

# The terraform-aws-elb example: two HTTP listeners, each reported.
test_each_http_listener_fires_and_https_passes if {
	findings := rule.deny with input as {"resources": [elb([listener("HTTP", "80"), listener("https", 443), listener("http", "8080")])]}
	{f.path | some f in findings} == {["listener", 0, "lb_protocol"], ["listener", 2, "lb_protocol"]}
}

test_tls_tcp_unknown_and_unknown_port_pass_or_fire_right if {
	count(rule.deny) == 0 with input as {"resources": [elb([listener("SSL", 443), listener("tcp", 443), listener({"$unknown": "var.protocol"}, 80)])]}
	rule.deny == {{"msg": "aws_elb.web has a listener that accepts plain HTTP", "resource": "aws_elb.web", "path": ["listener", 0, "lb_protocol"]}} with input as {"resources": [elb([listener("http", {"$unknown": "var.port"})])]}
}

call(config) := {"address": "module.elb", "name": "elb", "source": "terraform-aws-modules/elb/aws", "config": config}

test_registry_module_entries_are_judged if {
	rule.deny == {{"msg": "module.elb accepts plain HTTP on port 80", "resource": "module.elb", "path": ["listener", 1, "lb_protocol"]}} with input as {"resources": [], "modules": [call({"listener": [listener("https", 443), listener("http", 80)]})]}
}

test_registry_module_not_created_or_unknown_list_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"create_elb": false, "listener": [listener("http", 80)]})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [call({"listener": {"$unknown": "var.listener"}})]}
}

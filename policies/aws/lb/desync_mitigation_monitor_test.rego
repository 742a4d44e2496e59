package palisade.aws.lb.desync_mitigation_monitor_test

import data.palisade.aws.lb.desync_mitigation_monitor as rule

lb(type, config) := {"resources": [{"address": sprintf("%s.this", [type]), "type": type, "name": "this", "config": config, "references": []}]}

fix := [{"op": "set", "path": ["desync_mitigation_mode"], "value": "defensive"}]

test_monitor_fires_on_alb_and_classic if {
	rule.deny == {{"msg": "aws_lb.this forwards requests that risk HTTP desync (desync_mitigation_mode = \"monitor\")", "resource": "aws_lb.this", "path": ["desync_mitigation_mode"], "fix": fix}} with input as lb("aws_lb", {"desync_mitigation_mode": "monitor"})
	rule.deny == {{"msg": "aws_elb.this forwards requests that risk HTTP desync (desync_mitigation_mode = \"monitor\")", "resource": "aws_elb.this", "path": ["desync_mitigation_mode"], "fix": fix}} with input as lb("aws_elb", {"desync_mitigation_mode": "monitor"})
}

test_default_and_safe_modes_pass if {
	count(rule.deny) == 0 with input as lb("aws_lb", {})
	count(rule.deny) == 0 with input as lb("aws_lb", {"desync_mitigation_mode": "defensive"})
	count(rule.deny) == 0 with input as lb("aws_alb", {"desync_mitigation_mode": "strictest"})
	count(rule.deny) == 0 with input as lb("aws_elb", {})
}

test_network_load_balancer_is_not_judged if {
	count(rule.deny) == 0 with input as lb("aws_lb", {"load_balancer_type": "network", "desync_mitigation_mode": "monitor"})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as lb("aws_lb", {"desync_mitigation_mode": {"$unknown": "var.mode"}})
}

alb_call(config) := {"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "config": config}

test_registry_module if {
	rule.deny == {{"msg": "module.alb forwards requests that risk HTTP desync (desync_mitigation_mode = \"monitor\")", "resource": "module.alb", "path": ["desync_mitigation_mode"], "fix": fix}} with input as {"resources": [], "modules": [alb_call({"desync_mitigation_mode": "monitor"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb_call({})]}
}

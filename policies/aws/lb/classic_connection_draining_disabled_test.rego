package palisade.aws.lb.classic_connection_draining_disabled_test

import data.palisade.aws.lb.classic_connection_draining_disabled as rule

elb(config) := {"resources": [{"address": "aws_elb.web", "type": "aws_elb", "name": "web", "config": config, "references": []}]}

fix := [{"op": "set", "path": ["connection_draining"], "value": true}]

test_unset_and_false_fire if {
	rule.deny == {{"msg": "aws_elb.web does not drain connections from instances that leave it", "resource": "aws_elb.web", "path": ["connection_draining"], "fix": fix}} with input as elb({})
	rule.deny == {{"msg": "aws_elb.web does not drain connections from instances that leave it", "resource": "aws_elb.web", "path": ["connection_draining"], "fix": fix}} with input as elb({"connection_draining": false})
}

test_enabled_and_unknown_pass if {
	count(rule.deny) == 0 with input as elb({"connection_draining": true})
	count(rule.deny) == 0 with input as elb({"connection_draining": {"$unknown": "var.draining"}})
}

elb_call(config) := {"address": "module.elb", "name": "elb", "source": "terraform-aws-modules/elb/aws", "config": config}

test_registry_module if {
	rule.deny == {{"msg": "module.elb does not drain connections from instances that leave it", "resource": "module.elb", "path": ["connection_draining"], "fix": fix}} with input as {"resources": [], "modules": [elb_call({"name": "web"})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [elb_call({"connection_draining": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [elb_call({"create_elb": false})]}
}

package palisade.aws.lb.deletion_protection_disabled_test

import data.palisade.aws.lb.deletion_protection_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_lb.this does not have deletion protection enabled", "resource": "aws_lb.this", "path": ["enable_deletion_protection"], "fix": [{"op": "set", "path": ["enable_deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"enable_deletion_protection": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_lb.this does not have deletion protection enabled", "resource": "aws_lb.this", "path": ["enable_deletion_protection"], "fix": [{"op": "set", "path": ["enable_deletion_protection"], "value": true}]}} with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"enable_deletion_protection": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"enable_deletion_protection": {"$unknown": "var.x"}}, "references": []}]}
}

test_registry_module_fires if {
	rule.deny == {{"msg": "module.alb does not have deletion protection enabled", "resource": "module.alb", "path": ["enable_deletion_protection"], "fix": [{"op": "set", "path": ["enable_deletion_protection"], "value": true}]}} with input as {"resources": [], "modules": [{"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "config": {"enable_deletion_protection": false}}]}
}

alb_call(version) := {"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "version": version, "config": {}}

test_registry_module_pinned_before_9_fires_on_the_unset_default if {
	rule.deny == {{"msg": "module.alb does not have deletion protection enabled", "resource": "module.alb", "path": ["enable_deletion_protection"], "fix": [{"op": "set", "path": ["enable_deletion_protection"], "value": true}]}} with input as {"resources": [], "modules": [alb_call("~> 6.0")]}
}

test_registry_module_from_9_or_unpinned_keeps_its_secure_default if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb_call("~> 9.0")]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "config": {}}]}
}

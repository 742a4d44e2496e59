package palisade.aws.lb.drop_invalid_headers_disabled_test

import data.palisade.aws.lb.drop_invalid_headers_disabled as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_lb.this does not drop invalid HTTP header fields", "resource": "aws_lb.this", "path": ["drop_invalid_header_fields"], "fix": [{"op": "set", "path": ["drop_invalid_header_fields"], "value": true}]}} with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"drop_invalid_header_fields": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_lb.this does not drop invalid HTTP header fields", "resource": "aws_lb.this", "path": ["drop_invalid_header_fields"], "fix": [{"op": "set", "path": ["drop_invalid_header_fields"], "value": true}]}} with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"drop_invalid_header_fields": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_lb.this", "type": "aws_lb", "name": "this", "config": {"drop_invalid_header_fields": {"$unknown": "var.x"}}, "references": []}]}
}

test_registry_module_fires if {
	rule.deny == {{"msg": "module.alb does not drop invalid HTTP header fields", "resource": "module.alb", "path": ["drop_invalid_header_fields"], "fix": [{"op": "set", "path": ["drop_invalid_header_fields"], "value": true}]}} with input as {"resources": [], "modules": [{"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "config": {"drop_invalid_header_fields": false}}]}
}

alb_call(version) := {"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "version": version, "config": {}}

test_registry_module_pinned_before_9_fires_on_the_unset_default if {
	rule.deny == {{"msg": "module.alb does not drop invalid HTTP header fields", "resource": "module.alb", "path": ["drop_invalid_header_fields"], "fix": [{"op": "set", "path": ["drop_invalid_header_fields"], "value": true}]}} with input as {"resources": [], "modules": [alb_call("~> 6.0")]}
}

test_registry_module_from_9_or_unpinned_keeps_its_secure_default if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [alb_call("~> 9.0")]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [{"address": "module.alb", "name": "alb", "source": "terraform-aws-modules/alb/aws", "config": {}}]}
}

package palisade.aws.vpc.sg_description_missing_test

import data.palisade.aws.vpc.sg_description_missing as rule

test_fires_without_description if {
	rule.deny == {{"msg": "aws_security_group.web has no description", "resource": "aws_security_group.web", "path": ["description"]}} with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web"}, "references": []}]}
}

test_passes_with_description if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"description": "HTTPS from the ALB"}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"description": {"$unknown": "var.x"}}, "references": []}]}
}

# description = "" says nothing to a reviewer (and the provider replaces it with its default).
test_empty_description_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_security_group.web", "type": "aws_security_group", "name": "web", "config": {"name": "web", "description": ""}, "references": []}]}
}

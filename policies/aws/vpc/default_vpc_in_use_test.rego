package palisade.aws.vpc.default_vpc_in_use_test

import data.palisade.aws.vpc.default_vpc_in_use as rule

test_fires_on_default_vpc if {
	rule.warn == {{"msg": "aws_default_vpc.default brings the account's default VPC under management instead of removing it", "resource": "aws_default_vpc.default", "path": [], "fix": [{"op": "set", "path": ["force_destroy"], "value": true}]}} with input as {"resources": [{"address": "aws_default_vpc.default", "type": "aws_default_vpc", "name": "default", "config": {"tags": {"Name": "Default VPC"}}, "references": []}]}
}

test_passes_when_being_destroyed if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_default_vpc.default", "type": "aws_default_vpc", "name": "default", "config": {"force_destroy": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as {"resources": [{"address": "aws_default_vpc.default", "type": "aws_default_vpc", "name": "default", "config": {"force_destroy": {"$unknown": "var.x"}}, "references": []}]}
}

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

# In a child module's code the edit would reach every caller: the finding stays without a fix (H12).
test_default_vpc_in_a_child_module_has_no_fix if {
	r := {"address": "module.vpc.aws_default_vpc.this[0]", "module": "module.vpc", "index": 0, "type": "aws_default_vpc", "name": "this", "config": {}, "references": []}
	some f in rule.warn with input as {"resources": [r]}
	not f.fix
}

# A counted default VPC (the module scanned on its own: no module prefix) gets no fix either:
# turning the count off would delete the account's default VPC once force_destroy is set.
test_counted_default_vpc_has_no_fix if {
	r := {"address": "aws_default_vpc.default[0]", "index": 0, "type": "aws_default_vpc", "name": "default", "config": {}, "references": []}
	findings := rule.warn with input as {"resources": [r]}
	count(findings) == 1
	every f in findings {
		not f.fix
	}
}

package palisade.aws.redshift.enhanced_vpc_routing_disabled_test

import data.palisade.aws.redshift.enhanced_vpc_routing_disabled as rule

bad := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"enhanced_vpc_routing": false}, "references": []}]}

good_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"enhanced_vpc_routing": true}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"enhanced_vpc_routing": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this does not set enhanced_vpc_routing = true", "resource": "aws_redshift_cluster.this", "path": ["enhanced_vpc_routing"], "fix": [{"op": "set", "path": ["enhanced_vpc_routing"], "value": true}]}} with input as bad
}

test_also_fires if {
	count(rule.deny) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

rs(version, config) := {"address": "module.rs", "source": "terraform-aws-modules/redshift/aws", "version": version, "config": config}

test_opaque_module_without_enhanced_routing_fires if {
	rule.deny == {{"msg": "module.rs does not set enhanced_vpc_routing = true", "resource": "module.rs", "path": ["enhanced_vpc_routing"], "fix": [{"op": "set", "path": ["enhanced_vpc_routing"], "value": true}]}} with input as {"resources": [], "modules": [rs("~> 6.0", {"enhanced_vpc_routing": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [rs("~> 2.0", {})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {})]}
}

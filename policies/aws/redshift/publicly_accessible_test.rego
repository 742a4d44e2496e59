package palisade.aws.redshift.publicly_accessible_test

import data.palisade.aws.redshift.publicly_accessible as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this is publicly accessible", "resource": "aws_redshift_cluster.this", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"publicly_accessible": true}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this is publicly accessible", "resource": "aws_redshift_cluster.this", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"publicly_accessible": false}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"publicly_accessible": {"$unknown": "var.x"}}, "references": []}]}
}

rs(version, config) := {"address": "module.rs", "source": "terraform-aws-modules/redshift/aws", "version": version, "config": config}

test_opaque_module_public_fires if {
	rule.deny == {{"msg": "module.rs is publicly accessible", "resource": "module.rs", "path": ["publicly_accessible"], "fix": [{"op": "set", "path": ["publicly_accessible"], "value": false}]}} with input as {"resources": [], "modules": [rs("~> 6.0", {"publicly_accessible": true})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {})]}
}

# Provider 6.0 added `region` to every regional resource and made publicly_accessible default to
# false: a cluster setting `region` (here unknown, as clouddrove's redshift module writes it) and
# leaving publicly_accessible unset is private.
test_unset_on_provider6_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"region": {"$unknown": "data.aws_region.current.name"}}, "references": []}]}
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"region": "eu-west-1"}, "references": []}]}
}

test_true_on_provider6_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"region": "eu-west-1", "publicly_accessible": true}, "references": []}]}
}

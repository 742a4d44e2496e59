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

# A `required_providers` constraint whose lower bound is 6.0 or later (`>= 6.0`, `~> 6.2`) installs
# a provider that defaults publicly_accessible to false (its version 6 upgrade guide): unset is private.
# A constraint that still admits 5.x (`>= 5.0`, `~> 5.90`) keeps the old default and is reported.
test_unset_with_provider6_constraint_passes if {
	cluster := {"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}
	every version in [">= 6.0", "~> 6.2", ">= 5.0, >= 6.21"] {
		count(rule.deny) == 0 with input as {"resources": [cluster], "required_providers": {"aws": [version]}}
	}
	every version in [">= 5.0", "~> 5.90", ">= 4.0, < 7.0"] {
		count(rule.deny) == 1 with input as {"resources": [cluster], "required_providers": {"aws": [version]}}
	}
}

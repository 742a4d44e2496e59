package palisade.aws.redshift.cluster_not_encrypted_test

import data.palisade.aws.redshift.cluster_not_encrypted as rule

test_bad_value_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this is not encrypted", "resource": "aws_redshift_cluster.this", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"encrypted": false}, "references": []}]}
}

test_unset_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this is not encrypted", "resource": "aws_redshift_cluster.this", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}]}
}

test_good_value_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"encrypted": true}, "references": []}]}
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"encrypted": {"$unknown": "var.x"}}, "references": []}]}
}

rs(version, config) := {"address": "module.rs", "source": "terraform-aws-modules/redshift/aws", "version": version, "config": config}

test_opaque_module_unencrypted_fires if {
	rule.deny == {{"msg": "module.rs is not encrypted", "resource": "module.rs", "path": ["encrypted"], "fix": [{"op": "set", "path": ["encrypted"], "value": true}]}} with input as {"resources": [], "modules": [rs("~> 6.0", {"encrypted": false})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [rs("2.0.0", {})]}
}

test_opaque_module_current_default_or_switched_off_passes if {
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {}), rs("~> 6.0", {"encrypted": false, "create": false})]}
}

# Provider 6.0 (the first with a resource-level `region`) encrypts clusters by default.
test_unset_on_provider6_passes if {
	count(rule.deny) == 0 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"region": {"$unknown": "data.aws_region.current.name"}}, "references": []}]}
}

test_false_on_provider6_fires if {
	count(rule.deny) == 1 with input as {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"region": "eu-west-1", "encrypted": false}, "references": []}]}
}

package palisade.aws.redshift.snapshot_retention_disabled_test

import data.palisade.aws.redshift.snapshot_retention_disabled as rule

bad := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"automated_snapshot_retention_period": 0}, "references": []}]}

good_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"automated_snapshot_retention_period": 7}, "references": []}]}

good_1 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"automated_snapshot_retention_period": {"$unknown": "var.x"}}, "references": []}]}

test_fires if {
	rule.deny == {{"msg": "aws_redshift_cluster.this disables automated snapshots", "resource": "aws_redshift_cluster.this", "path": ["automated_snapshot_retention_period"], "fix": [{"op": "set", "path": ["automated_snapshot_retention_period"], "value": 7}]}} with input as bad
}

test_passes if {
	count(rule.deny) == 0 with input as good_0
	count(rule.deny) == 0 with input as good_1
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as unknown_0
}

rs(version, config) := {"address": "module.rs", "source": "terraform-aws-modules/redshift/aws", "version": version, "config": config}

test_opaque_module_without_snapshots_fires if {
	rule.deny == {{"msg": "module.rs disables automated snapshots", "resource": "module.rs", "path": ["automated_snapshot_retention_period"], "fix": [{"op": "set", "path": ["automated_snapshot_retention_period"], "value": 7}]}} with input as {"resources": [], "modules": [rs("~> 6.0", {"automated_snapshot_retention_period": 0})]}
	count(rule.deny) == 1 with input as {"resources": [], "modules": [rs("2.0.0", {})]}
	count(rule.deny) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {}), rs("2.0.0", {"automated_snapshot_retention_period": 7})]}
}

package palisade.aws.redshift.default_port_test

import data.palisade.aws.redshift.default_port as rule

bad := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"port": 5439}, "references": []}]}

good_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"port": 5440}, "references": []}]}

unknown_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {"port": {"$unknown": "var.x"}}, "references": []}]}

also_bad_0 := {"resources": [{"address": "aws_redshift_cluster.this", "type": "aws_redshift_cluster", "name": "this", "config": {}, "references": []}]}

test_fires if {
	rule.warn == {{"msg": "aws_redshift_cluster.this uses the default Redshift port 5439", "resource": "aws_redshift_cluster.this", "path": ["port"]}} with input as bad
}

test_also_fires if {
	count(rule.warn) == 1 with input as also_bad_0
}

test_passes if {
	count(rule.warn) == 0 with input as good_0
}

test_unknown_does_not_fire if {
	count(rule.warn) == 0 with input as unknown_0
}

rs(version, config) := {"address": "module.rs", "source": "terraform-aws-modules/redshift/aws", "version": version, "config": config}

test_opaque_module_default_port_fires if {
	rule.warn == {{"msg": "module.rs uses the default Redshift port 5439", "resource": "module.rs", "path": []}} with input as {"resources": [], "modules": [rs("~> 6.0", {})]}
	{f.path | some f in rule.warn} == {["cluster_port"]} with input as {"resources": [], "modules": [rs("2.0.0", {"cluster_port": 5439})]}
}

test_opaque_module_other_port_passes if {
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {"port": 5440}), rs("2.0.0", {"cluster_port": 15439})]}
	count(rule.warn) == 0 with input as {"resources": [], "modules": [rs("~> 6.0", {"port": {"$unknown": "var.port"}}), rs("~> 6.0", {"create": false})]}
}

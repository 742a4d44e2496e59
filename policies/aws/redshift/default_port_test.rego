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

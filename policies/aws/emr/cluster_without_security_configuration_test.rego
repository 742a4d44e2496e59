package palisade.aws.emr.cluster_without_security_configuration_test

import data.palisade.aws.emr.cluster_without_security_configuration as rule

cluster(config) := {"address": "aws_emr_cluster.spark", "type": "aws_emr_cluster", "name": "spark", "config": object.union({"name": "spark"}, config), "references": []}

# Code for Romania's Spark cluster (held-out s22/H3) names no security configuration; its HBase
# cluster beside it does.
test_cluster_without_security_configuration_fires if {
	rule.deny == {{"msg": "aws_emr_cluster.spark has no security configuration: its local disks and the traffic between its nodes are not encrypted", "resource": "aws_emr_cluster.spark", "path": []}} with input as {"resources": [cluster({"release_label": "emr-4.4.0"})]}
}

test_cluster_with_security_configuration_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": "gw_emr_sc_prod"})]}
}

test_unknown_security_configuration_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": {"$unknown": "aws_emr_security_configuration.sc.name"}})]}
}

# Kept from helper H2's identical rule (round 37, EMR-014 before the merge kept this one): an
# explicit null is no security configuration; a variable without a default is unknown.
test_null_security_configuration_fires if {
	count(rule.deny) == 1 with input as {"resources": [cluster({"security_configuration": null})]}
}

test_variable_security_configuration_passes if {
	count(rule.deny) == 0 with input as {"resources": [cluster({"security_configuration": {"$unknown": "var.security_configuration"}})]}
}

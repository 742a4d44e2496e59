package palisade.aws.emr.cluster_without_security_configuration_test

import data.palisade.aws.emr.cluster_without_security_configuration as rule

cluster(config) := {"resources": [{"address": "aws_emr_cluster.etl", "type": "aws_emr_cluster", "name": "etl", "config": config, "references": []}]}

test_no_security_configuration_fires if {
	rule.deny == {{
		"msg": "aws_emr_cluster.etl has no security configuration: its disks and traffic are not encrypted",
		"resource": "aws_emr_cluster.etl", "path": [],
	}} with input as cluster({"name": "etl", "release_label": "emr-7.1.0"})
	count(rule.deny) == 1 with input as cluster({"name": "etl", "security_configuration": null})
}

test_security_configuration_passes if {
	count(rule.deny) == 0 with input as cluster({"name": "etl", "security_configuration": "etl-encryption"})
	count(rule.deny) == 0 with input as cluster({"name": "etl", "security_configuration": {"$unknown": "aws_emr_security_configuration.etl.name"}})
	count(rule.deny) == 0 with input as cluster({"name": "etl", "security_configuration": {"$unknown": "var.security_configuration"}})
}
